public import Foundation

/// A random directed multigraph written as a `Graph/` directory, with a plain adjacency list to check against.
public struct RandomGraph: Sendable {
    public let nodes: [String]
    /// Undirected adjacency: node → (neighbour, relation id), both directions.
    public var adjacency: [String: [(other: String, edge: String)]] = [:]
    /// Directed relations (id, from, to).
    public var relations: [(id: String, from: String, to: String)] = []

    /// `edges` relations between nodes drawn at random, then `hubEdges` more at the first `hubs` nodes (`n0`,
    /// `n1`, …), either way round, half of them to one of the first hundred nodes, so hubs have repeated
    /// neighbours.
    public init(nodes count: Int, edges: Int, seed: UInt64, hubs: Int = 0, hubEdges: Int = 0) {
        var generator = SeededGenerator(seed: seed)
        self.nodes = (0..<count).map { "n\($0)" }
        var seen: [String: Int] = [:]
        for index in 0..<(edges + (hubs > 0 ? hubEdges : 0)) {
            var from = self.nodes[Int.random(in: 0..<count, using: &generator)]
            var to = self.nodes[Int.random(in: 0..<count, using: &generator)]
            if index >= edges {
                from = self.nodes[Int.random(in: 0..<hubs, using: &generator)]
                if Bool.random(using: &generator) {
                    to = self.nodes[Int.random(in: 0..<min(100, count), using: &generator)]
                }
                if Bool.random(using: &generator) { swap(&from, &to) }
            }
            guard from != to else { continue }
            let base = "\(from)--cooperates_with--\(to)"
            let n = seen[base, default: 0] + 1
            seen[base] = n
            let id = n == 1 ? base : "\(base)--\(n)"
            self.relations.append((id, from, to))
            self.adjacency[from, default: []].append((to, id))
            self.adjacency[to, default: []].append((from, id))
        }
    }

    /// Writes the graph as JSON Lines under `directory/Graph`, with the repository's vocabulary.
    public func write(to directory: URL, vocabulary: URL) throws -> URL {
        let graph = try GeneratedGraphFolder.create(in: directory, vocabulary: vocabulary)
        let citation = GeneratedGraphFolder.citation
        try self.nodes.map {
            #"{"record":"entity","id":"\#($0)","kind":"organisation","name":"Node \#($0)","citations":\#(citation)}"#
        }
        .joined(separator: "\n")
        .write(to: graph.appendingPathComponent("entities.jsonl"), atomically: true, encoding: .utf8)
        try self.relations.map {
            #"{"record":"relation","id":"\#($0.id)","type":"cooperates_with","from":"\#($0.from)","to":"\#($0.to)","citations":\#(citation)}"#
        }
        .joined(separator: "\n")
        .write(to: graph.appendingPathComponent("relations.jsonl"), atomically: true, encoding: .utf8)
        return graph
    }

    /// Hop distances from `source` following relations both ways, by plain BFS.
    public func distances(from source: String, directed: Bool = false) -> [String: Int] {
        var distances = [source: 0]
        var queue = [source]
        var index = 0
        while index < queue.count {
            let node = queue[index]
            index += 1
            for (other, _) in self.adjacency[node] ?? [] where distances[other] == nil {
                distances[other] = distances[node]! + 1
                queue.append(other)
            }
        }
        return distances
    }

    /// What a budgeted breadth-first search from `source` finds, following relations both ways: level by
    /// level, each node's relations in (other end, id) order, until `limit` nodes besides `source` are found —
    /// the nodes with their depths, the relations it followed, and the node whose relations it was reading
    /// when the budget ran out (`nil` when it did not).
    public func budgetedNeighbourhood(
        from source: String,
        depth: Int,
        limit: Int
    ) -> (depths: [String: Int], edges: Set<String>, cutAt: String?) {
        var depths = [source: 0]
        var edges: Set<String> = []
        var frontier = [source]
        for level in 1...depth {
            var next: [String] = []
            for near in frontier {
                for (other, edge) in (self.adjacency[near] ?? []).sorted(by: {
                    ($0.other, $0.edge) < ($1.other, $1.edge)
                }) {
                    if depths[other] == nil {
                        guard depths.count - 1 < limit else { return (depths, edges, near) }
                        depths[other] = level
                        next.append(other)
                    }
                    edges.insert(edge)
                }
            }
            frontier = next
        }
        return (depths, edges, nil)
    }

    /// Every simple path's length from `source` to `target` of at most `maxLength` hops (paths as edge sequences).
    public func simplePathLengths(from source: String, to target: String, maxLength: Int) -> [Int] {
        var lengths: [Int] = []
        var visited: Set<String> = [source]
        func walk(_ node: String, _ length: Int) {
            if node == target {
                lengths.append(length)
                return
            }
            guard length < maxLength else { return }
            for (other, _) in self.adjacency[node] ?? [] where !visited.contains(other) {
                visited.insert(other)
                walk(other, length + 1)
                visited.remove(other)
            }
        }
        walk(source, 0)
        return lengths.sorted()
    }
}
