import ChronoGraph
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Budgeted neighbourhoods checked against a reference expansion", .heavy, .timeLimit(.minutes(2)))
struct NeighborBudgetTests {
    @Test(arguments: [UInt64(13), 21])
    func truncatedNeighbourhoodsMatchTheReference(seed: UInt64) async throws {
        let graph = RandomGraph(nodes: 400, edges: 2_000, seed: seed)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: url).load(into: store)
        var generator = SeededGenerator(seed: seed &+ 1)
        var truncations = 0
        for _ in 0..<8 {
            let root = graph.nodes.randomElement(using: &generator)!
            for depth in [1, 2, 3] {
                for limit in [5, 40, 150] {
                    let result = try await store.run(NeighborsQuery(id: root, depth: depth, limit: limit))
                    let want = Self.reference(graph, root: root, depth: depth, limit: limit)
                    let got = Dictionary(uniqueKeysWithValues: result.nodes.map { ($0.entity.id, $0.depth) })
                    #expect(got == want.depths, "\(root) depth \(depth) limit \(limit)")
                    #expect(result.edges.map(\.id) == want.edges, "\(root) depth \(depth) limit \(limit)")
                    #expect(result.truncated?.at == want.truncatedAt, "\(root) depth \(depth) limit \(limit)")
                    if want.truncatedAt != nil { truncations += 1 }
                }
            }
        }
        #expect(truncations > 0)
    }

    /// Breadth-first expansion as the store defines it: frontier in discovery order, each node's relations
    /// by (other end, relation id), stopping at the first new entity past the budget.
    static func reference(
        _ graph: RandomGraph,
        root: String,
        depth: Int,
        limit: Int
    )
        -> (depths: [String: Int], edges: [String], truncatedAt: String?)
    {
        var depths = [root: 0]
        var edges: Set<String> = []
        var frontier = [root]
        var truncatedAt: String?
        level: for level in 1...depth {
            var next: [String] = []
            for near in frontier {
                let adjacent = (graph.adjacency[near] ?? []).sorted { ($0.other, $0.edge) < ($1.other, $1.edge) }
                for (other, edge) in adjacent {
                    if depths[other] == nil {
                        guard depths.count - 1 < limit else {
                            truncatedAt = near
                            break level
                        }
                        depths[other] = level
                        next.append(other)
                    }
                    edges.insert(edge)
                }
            }
            frontier = next
        }
        return (depths.filter { $0.value > 0 }, edges.sorted(), truncatedAt)
    }
}
