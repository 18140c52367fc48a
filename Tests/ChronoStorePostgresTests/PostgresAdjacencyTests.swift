import ChronoGraph
import ChronoStorePostgres
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

/// `PostgresRows.adjacency`, the one statement per batch of nodes, against a seeded random graph's own
/// adjacency lists: every relation at each node, each direction alone, and the cap.
@Suite("PostgreSQL adjacency batches", .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped))
struct PostgresAdjacencyTests {
    @Test func aBatchReadsEveryRelationAtEachNodeAndStopsAtTheCap() async throws {
        let graph = RandomGraph(nodes: 300, edges: 700, seed: 17)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        var expected: [String: Set<Adjacent>] = [:]
        for relation in graph.relations {
            expected[relation.from, default: []].insert(Adjacent(edge: relation.id, other: relation.to, forward: true))
            expected[relation.to, default: []].insert(Adjacent(edge: relation.id, other: relation.from, forward: false))
        }
        let batch = Array(graph.nodes.prefix(40)) + [graph.nodes[0], "no-such-node"]
        let total = Set(batch).reduce(0) { $0 + (expected[$1]?.count ?? 0) }
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            try await PostgresGraphImport(directory: url).load(into: database.worker)
            let ordered = expected.mapValues { $0.sorted { ($0.other, $0.edge) < ($1.other, $1.edge) } }
            let longest = batch.max { (expected[$0]?.count ?? 0, $1) < (expected[$1]?.count ?? 0, $0) }!
            let after = ordered[longest]![1]
            let (all, outgoing, capped, firstPages, nextPage) = try await database.worker.read(deadline: nil) {
                session in
                let rows = PostgresRows(session: session)
                var out = EdgeFilter()
                out.direction = .out
                return (
                    try rows.adjacency(batch, filter: EdgeFilter(), cap: 100_000, page: nil),
                    try rows.adjacency(batch, filter: out, cap: 100_000, page: nil),
                    try rows.adjacency(batch, filter: EdgeFilter(), cap: total - 1, page: nil),
                    try rows.adjacency(batch, filter: EdgeFilter(), cap: 100_000, page: AdjacencyPage(size: 2)),
                    try rows.adjacency(
                        [longest],
                        filter: EdgeFilter(),
                        cap: 100_000,
                        page: AdjacencyPage(size: 2, after: after)
                    )
                )
            }
            // A page keeps each node's first `size + 1` relations in (other, edge) order, after `after`.
            #expect(ordered[longest]!.count > 5)
            for node in Set(batch) {
                #expect(Set(firstPages.byNode[node] ?? []) == Set((ordered[node] ?? []).prefix(3)), "\(node)")
            }
            #expect(Set(nextPage.byNode[longest] ?? []) == Set(ordered[longest]!.dropFirst(2).prefix(3)))
            #expect(!all.capped)
            #expect(all.byNode.mapValues { Set($0) } == expected.filter { batch.contains($0.key) })
            #expect(all.byNode.values.allSatisfy { Set($0).count == $0.count })
            #expect(
                outgoing.byNode.mapValues { Set($0) }
                    == expected.filter { batch.contains($0.key) }.mapValues { $0.filter(\.forward) }
                    .filter { !$0.value.isEmpty }
            )
            #expect(capped.capped)
            #expect(capped.byNode.values.reduce(0) { $0 + $1.count } == total - 1)
            // The rows kept are the first nodes' of the batch: every node before the last one read is whole.
            let read = graph.nodes.prefix(40).filter { capped.byNode[$0] != nil }
            for node in read.dropLast() { #expect(Set(capped.byNode[node] ?? []) == expected[node] ?? []) }
        }
    }

    /// A reader keeping nodes' relations (filled as it reads, with a bound that makes the two hubs read the
    /// server) takes the steps of a reader without: the same rows, paged alike, and a capped step the rows
    /// PostgreSQL keeps (its node order), not the kept lists'.
    @Test func aReaderKeepingRelationsTakesTheStepsOfOneWithout() async throws {
        let graph = RandomGraph(nodes: 400, edges: 900, seed: 23, hubs: 2, hubEdges: 600)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            try await PostgresGraphImport(directory: url).load(into: database.worker)
            let mismatches = try await database.worker.read(deadline: nil) { session in
                let rows = PostgresRows(session: session)
                let caches = StoreCaches(
                    refs: RecordCache(budget: 0),
                    edges: RecordCache(budget: 0),
                    relations: RecordCache(budget: 1 << 30),
                    hubDegree: 200
                )
                let revision = try rows.revision()
                let keeping = GraphReader(rows: rows, context: session.context, caches: caches, revision: revision)
                let plain = GraphReader(rows: rows, context: session.context)
                var generator = SeededGenerator(seed: 29)
                func pick() -> Int { Int(generator.next() % 1_000_000) }
                var mismatches: [String] = []
                for trial in 0..<400 {
                    // A few nodes, a hub among them one time in four, the first one's page after a relation.
                    let ids = (0...(pick() % 8)).map { _ in
                        pick() % 4 == 0 ? "n\(pick() % 2)" : "n\(pick() % graph.nodes.count)"
                    }
                    var filter = EdgeFilter()
                    filter.direction = [.both, .out, .in][pick() % 3]
                    let cap = [2, 15, 100_000][pick() % 3]
                    let page = pick() % 2 == 0 ? nil : AdjacencyPage(size: 1 + pick() % 20)
                    let want = try plain.adjacency(ids, filter: filter, cap: cap, page: page)
                    let got = try keeping.adjacency(ids, filter: filter, cap: cap, page: page)
                    if got.byNode != want.byNode || got.capped != want.capped || got.more != want.more {
                        mismatches.append("trial \(trial): \(ids) \(filter.direction) cap \(cap)")
                    }
                }
                return mismatches
            }
            #expect(mismatches.count == 0, "\(mismatches.prefix(5))")
        }
    }
}
