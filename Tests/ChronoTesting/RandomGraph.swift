public import Foundation

/// A random directed multigraph written as a `Graph/` directory, with a plain adjacency list to check against.
public struct RandomGraph: Sendable {
    public let nodes: [String]
    /// Undirected adjacency: node → (neighbour, relation id), both directions.
    public var adjacency: [String: [(other: String, edge: String)]] = [:]
    /// Directed relations (id, from, to).
    public var relations: [(id: String, from: String, to: String)] = []

    public init(nodes count: Int, edges: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        self.nodes = (0..<count).map { "n\($0)" }
        var seen: [String: Int] = [:]
        for _ in 0..<edges {
            let from = self.nodes[Int.random(in: 0..<count, using: &generator)]
            let to = self.nodes[Int.random(in: 0..<count, using: &generator)]
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
