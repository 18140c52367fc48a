import ChronoGraph
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Traversals checked against plain BFS on seeded random graphs", .heavy, .timeLimit(.minutes(2)))
struct RandomGraphTraversalTests {
    private func load(_ graph: RandomGraph) async throws -> (TemporaryDirectory, GraphStore) {
        let directory = try TemporaryDirectory()
        let url = try graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: url).load(into: store)
        return (directory, store)
    }

    @Test(arguments: [UInt64(7), 42])
    func kHopSetsAndShortestPathLengthsMatchBFS(seed: UInt64) async throws {
        let graph = RandomGraph(nodes: 3_000, edges: 4_500, seed: seed)
        let (directory, store) = try await self.load(graph)
        defer { directory.remove() }
        var generator = SeededGenerator(seed: seed &+ 1)
        for _ in 0..<6 {
            let root = graph.nodes.randomElement(using: &generator)!
            let expected = graph.distances(from: root)
            for depth in [1, 2, 3] {
                let result = try await store.run(NeighborsQuery(id: root, depth: depth, limit: 10_000))
                let want = Dictionary(
                    uniqueKeysWithValues: expected.filter { $0.value >= 1 && $0.value <= depth }.map {
                        ($0.key, $0.value)
                    }
                )
                let got = Dictionary(uniqueKeysWithValues: result.nodes.map { ($0.entity.id, $0.depth) })
                #expect(got == want, "root \(root) depth \(depth)")
                #expect(result.truncated == nil)
            }
            for _ in 0..<5 {
                let target = graph.nodes.randomElement(using: &generator)!
                let result = try await store.run(PathsQuery(from: root, to: target, maxDepth: 8, nodeBudget: 100_000))
                let want = expected[target].flatMap { $0 <= 8 ? $0 : nil }
                #expect(result.paths.first?.length == want, "\(root) → \(target)")
                if let path = result.paths.first {
                    #expect(path.nodes.first?.id == root && path.nodes.last?.id == target)
                    for (index, hop) in path.hops.enumerated() {
                        let (near, far) = (path.nodes[index].id, path.nodes[index + 1].id)
                        #expect(
                            hop.forward
                                ? (hop.edge?.from, hop.edge?.to) == (near, far)
                                : (hop.edge?.to, hop.edge?.from) == (near, far)
                        )
                    }
                }
            }
        }
    }

    @Test func kShortestPathLengthsMatchExhaustiveEnumeration() async throws {
        let graph = RandomGraph(nodes: 60, edges: 110, seed: 3)
        let (directory, store) = try await self.load(graph)
        defer { directory.remove() }
        var generator = SeededGenerator(seed: 99)
        var checked = 0
        while checked < 12 {
            let source = graph.nodes.randomElement(using: &generator)!
            let target = graph.nodes.randomElement(using: &generator)!
            guard source != target else { continue }
            checked += 1
            let all = graph.simplePathLengths(from: source, to: target, maxLength: 5)
            let result = try await store.run(
                PathsQuery(from: source, to: target, maxDepth: 5, k: 6, nodeBudget: 1_000_000)
            )
            #expect(result.paths.map(\.length) == Array(all.prefix(6)), "\(source) → \(target)")
            let signatures = result.paths.map { $0.hops.map { $0.edge?.id } }
            #expect(Set(signatures).count == signatures.count)
            #expect(result.paths.allSatisfy { Set($0.nodes.map(\.id)).count == $0.nodes.count })
        }
    }

    @Test func nodeBudgetStopsAHubExpansion() async throws {
        let graph = RandomGraph(nodes: 2_000, edges: 6_000, seed: 11)
        let (directory, store) = try await self.load(graph)
        defer { directory.remove() }
        let result = try await store.run(NeighborsQuery(id: "n0", depth: 6, limit: 100))
        #expect(result.nodes.count == 100)
        #expect(result.truncated?.budget == .nodes)
        #expect(result.truncated?.limit == 100)
    }
}
