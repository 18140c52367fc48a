internal import ChronoGraph
internal import ChronoProtocol

/// A path as entity ids and the hops between them; `hops[i]` leads from `nodes[i]` to `nodes[i + 1]`.
struct RawPath: Hashable {
    var nodes: [String]
    var hops: [Adjacent]

    /// Orders paths by length, then by their edge ids, so results are deterministic.
    static func precedes(_ lhs: RawPath, _ rhs: RawPath) -> Bool {
        if lhs.hops.count != rhs.hops.count { return lhs.hops.count < rhs.hops.count }
        return lhs.hops.map(\.edge).lexicographicallyPrecedes(rhs.hops.map(\.edge))
    }
}

/// Shortest simple paths over relations followed both ways: bidirectional breadth-first search meeting in
/// the middle, and Yen's algorithm for the k shortest.
///
/// Every entity a search reaches counts against `budget`, over all searches of one query; when it runs out
/// the finder stops and `truncated` names the entity being expanded.
struct PathFinder {
    let reader: GraphReader
    let filter: EdgeFilter
    let budget: Int
    private var cache: [String: [Adjacent]] = [:]
    private var reached = 0
    /// Why and where the search stopped early, if it did.
    private(set) var truncated: Truncated?

    init(reader: GraphReader, filter: EdgeFilter, budget: Int) {
        self.reader = reader
        self.filter = filter
        self.budget = budget
    }

    /// Up to `k` shortest simple paths from `source` to `target` of at most `maxLength` hops, shortest first.
    mutating func paths(from source: String, to target: String, k: Int, maxLength: Int) throws -> [RawPath] {
        guard
            let first = try self.shortest(
                from: source,
                to: target,
                blockedNodes: [],
                blockedEdges: [],
                maxLength: maxLength
            )
        else { return [] }
        var accepted = [first]
        var candidates: Set<RawPath> = []
        while accepted.count < k, self.truncated == nil {
            let previous = accepted[accepted.count - 1]
            for index in 0..<previous.hops.count {
                let rootNodes = Array(previous.nodes[0...index])
                let rootHops = Array(previous.hops[0..<index])
                let blockedEdges = Set(
                    accepted.filter { $0.hops.count > index && Array($0.hops[0..<index]) == rootHops }
                        .map { $0.hops[index].edge }
                )
                guard
                    let spur = try self.shortest(
                        from: rootNodes[index],
                        to: target,
                        blockedNodes: Set(rootNodes.dropLast()),
                        blockedEdges: blockedEdges,
                        maxLength: maxLength - index
                    )
                else {
                    if self.truncated != nil { break }
                    continue
                }
                let path = RawPath(nodes: rootNodes.dropLast() + spur.nodes, hops: rootHops + spur.hops)
                if !accepted.contains(path) { candidates.insert(path) }
            }
            guard let best = candidates.min(by: RawPath.precedes) else { break }
            candidates.remove(best)
            accepted.append(best)
        }
        return accepted
    }

    /// One shortest path avoiding the blocked nodes and edges, or `nil` (also when the budget runs out).
    mutating func shortest(
        from source: String,
        to target: String,
        blockedNodes: Set<String>,
        blockedEdges: Set<String>,
        maxLength: Int
    ) throws -> RawPath? {
        if source == target { return RawPath(nodes: [source], hops: []) }
        var parents: [[String: (node: String, hop: Adjacent)]] = [[:], [:]]
        var distances: [[String: Int]] = [[source: 0], [target: 0]]
        var frontiers = [[source], [target]]
        var levels = [0, 0]
        while !frontiers[0].isEmpty, !frontiers[1].isEmpty, levels[0] + levels[1] < maxLength {
            let side = frontiers[0].count <= frontiers[1].count ? 0 : 1
            try self.load(frontiers[side])
            var next: [String] = []
            for node in frontiers[side] {
                for adjacent in self.cache[node] ?? [] {
                    guard !blockedEdges.contains(adjacent.edge), !blockedNodes.contains(adjacent.other),
                        distances[side][adjacent.other] == nil
                    else { continue }
                    self.reached += 1
                    guard self.reached <= self.budget else {
                        self.truncated = Truncated(budget: .nodes, limit: self.budget, at: node)
                        return nil
                    }
                    distances[side][adjacent.other] = levels[side] + 1
                    parents[side][adjacent.other] = (node, adjacent)
                    next.append(adjacent.other)
                }
            }
            levels[side] += 1
            frontiers[side] = next
            let meetings = next.compactMap { node in distances[1 - side][node].map { (node, $0) } }
            if let meeting = meetings.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
                return Self.join(meeting.0, parents: parents)
            }
        }
        return nil
    }

    private mutating func load(_ nodes: [String]) throws {
        let missing = nodes.filter { self.cache[$0] == nil }
        guard !missing.isEmpty else { return }
        let adjacency = try self.reader.adjacency(missing, filter: self.filter)
        if adjacency.capped {
            self.truncated = Truncated(budget: .limit, limit: self.reader.adjacencyRowLimit, at: missing[0])
        }
        for node in missing { self.cache[node] = adjacency.byNode[node] ?? [] }
    }

    /// The path through `meeting`: the forward search's parents back to the source, then the backward
    /// search's parents on to the target (their hops turned around).
    private static func join(_ meeting: String, parents: [[String: (node: String, hop: Adjacent)]]) -> RawPath {
        var nodes = [meeting]
        var hops: [Adjacent] = []
        var current = meeting
        while let parent = parents[0][current] {
            nodes.insert(parent.node, at: 0)
            hops.insert(parent.hop, at: 0)
            current = parent.node
        }
        current = meeting
        while let parent = parents[1][current] {
            hops.append(Adjacent(edge: parent.hop.edge, other: parent.node, forward: !parent.hop.forward))
            nodes.append(parent.node)
            current = parent.node
        }
        return RawPath(nodes: nodes, hops: hops)
    }
}
