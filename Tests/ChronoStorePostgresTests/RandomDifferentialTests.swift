import ChronoGraph
import ChronoStore
import ChronoTesting
import Foundation
import Testing

/// The seeded random graphs and timelines of ChronoStoreTests' property tests, loaded into both backends and
/// asked the same traversals and timeline windows: every answer is the same wire form.
@Suite(
    "SQLite and PostgreSQL answer alike on seeded random graphs",
    .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped),
    .timeLimit(.minutes(5))
)
struct RandomDifferentialTests {
    @Test(arguments: [UInt64(7), 42])
    func traversalsOfARandomGraph(seed: UInt64) async throws {
        let graph = RandomGraph(nodes: 1_500, edges: 2_400, seed: seed)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        try await BackendPair.with(graph: url) { pair in
            var generator = SeededGenerator(seed: seed &+ 1)
            var cases: [DifferentialQueryTests.Case] = []
            for _ in 0..<4 {
                let root = graph.nodes.randomElement(using: &generator)!
                for depth in [1, 2, 3] {
                    cases.append(
                        DifferentialQueryTests.ask(
                            "\(root) depth \(depth)",
                            NeighborsQuery(id: root, depth: depth, limit: 10_000)
                        )
                    )
                }
                cases.append(
                    DifferentialQueryTests.ask("\(root) budget 40", NeighborsQuery(id: root, depth: 3, limit: 40))
                )
                cases.append(
                    DifferentialQueryTests.ask("\(root) out", NeighborsQuery(id: root, depth: 2, direction: .out))
                )
                cases.append(
                    DifferentialQueryTests.ask("\(root) subgraph", SubgraphQuery(ids: [root], depth: 2, limit: 200))
                )
                for _ in 0..<3 {
                    let target = graph.nodes.randomElement(using: &generator)!
                    for k in [1, 3] {
                        cases.append(
                            DifferentialQueryTests.ask(
                                "\(root) → \(target) k \(k)",
                                PathsQuery(from: root, to: target, maxDepth: 8, k: k, nodeBudget: 100_000)
                            )
                        )
                    }
                }
            }
            let (equal, _) = await DifferentialQueryTests.compare(cases, on: pair)
            #expect(equal == cases.count)
            print("random graph \(seed): \(equal) of \(cases.count) answers equal")
        }
    }

    /// Neighbourhoods of hubs under node budgets, where a search reads a hub's relations a page at a time.
    @Test func budgetedNeighbourhoodsOfHubs() async throws {
        let graph = RandomGraph(nodes: 1_500, edges: 2_400, seed: 5, hubs: 3, hubEdges: 3_000)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        try await BackendPair.with(graph: url) { pair in
            var cases: [DifferentialQueryTests.Case] = []
            for root in ["n0", "n2", "n42"] {
                for (depth, limit) in [(1, 10), (1, 40), (2, 40), (2, 250), (3, 100)] {
                    cases.append(
                        DifferentialQueryTests.ask(
                            "\(root) depth \(depth) limit \(limit)",
                            NeighborsQuery(id: root, depth: depth, limit: limit)
                        )
                    )
                }
                cases.append(
                    DifferentialQueryTests.ask(
                        "\(root) in",
                        NeighborsQuery(id: root, depth: 2, direction: .in, limit: 30)
                    )
                )
            }
            let (equal, _) = await DifferentialQueryTests.compare(cases, on: pair)
            #expect(equal == cases.count)
        }
    }

    @Test(arguments: [UInt64(5), 99])
    func windowsOfARandomTimeline(seed: UInt64) async throws {
        let timeline = RandomTimeline(count: 2_000, seed: seed)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try timeline.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        try await BackendPair.with(graph: url) { pair in
            var generator = SeededGenerator(seed: seed &+ 1)
            var cases: [DifferentialQueryTests.Case] = []
            for width in [1, 30, 365, 3_650, 40_000] {
                for _ in 0..<4 {
                    let start = try EDTFDate(
                        String(format: "%04d-01-01", Int.random(in: 1890...2035, using: &generator))
                    )
                    let end = try EDTFDate(
                        Day(ordinal: start.strict.lower!.ordinal + Int.random(in: 0..<width, using: &generator)).iso
                    )
                    let limit = Int.random(in: 1...120, using: &generator)
                    for mode in [TimelineMode.overlaps, .within, .certainFirst] {
                        cases.append(
                            DifferentialQueryTests.ask(
                                "\(start)…\(end) \(mode) \(limit)",
                                TimelineQuery(from: start, to: end, mode: mode, limit: limit)
                            )
                        )
                    }
                }
            }
            cases.append(
                DifferentialQueryTests.ask(
                    "open start",
                    TimelineQuery(to: try EDTFDate("1950"), mode: .overlaps, limit: 77)
                )
            )
            cases.append(
                DifferentialQueryTests.ask(
                    "open end",
                    TimelineQuery(from: try EDTFDate("2020"), mode: .overlaps, limit: 77)
                )
            )
            let (equal, _) = await DifferentialQueryTests.compare(cases, on: pair)
            #expect(equal == cases.count)
            print("random timeline \(seed): \(equal) of \(cases.count) answers equal")
        }
    }
}
