import Foundation

/// What one call answered, built as fully as the daemon's answer (so both do the same work).
enum FloorAnswer {
    case revision(Int64)
    case events([FloorEvent])
    case search([(ref: FloorRef, summary: String)])
    /// Ranked records of any kind: `kind:id` and the snippet.
    case records([(key: String, snippet: String)])
    case neighborhood(nodes: [FloorRef], edges: [FloorEdge], truncated: Bool)
    case path(nodes: [FloorRef], edges: [FloorEdge])

    /// The comparable core of the answer, as `Tools/bench/compare.py` compares the daemon's: event ids in
    /// order, entity ids sorted, ranked records' `kind:id` in order, a neighbourhood's node ids (root included) and whether it was truncated, a
    /// path's length.
    var comparable: Any {
        switch self {
        case .revision(let revision): revision
        case .events(let events): events.map(\.id)
        case .search(let hits): hits.map(\.ref.id).sorted()
        case .records(let hits): hits.map(\.key)
        case .neighborhood(let nodes, _, let truncated): ["nodes": nodes.map(\.id).sorted(), "truncated": truncated]
        case .path(let nodes, _): nodes.isEmpty ? NSNull() : nodes.count - 1
        }
    }
}
