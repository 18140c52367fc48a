import ChronoGraph
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

/// Steps answered from the relations a store keeps (`NodeRelations`) are the steps read from the store: the
/// same rows in the same order, paged, typed, one-way and capped alike.
@Suite("Relations kept between calls", .heavy, .timeLimit(.minutes(2)))
struct KeptRelationsTests {
    /// Three hubs of about a thousand relations each, half of them to the same hundred nodes.
    static let graph = RandomGraph(nodes: 1_500, edges: 2_400, seed: 5, hubs: 3, hubEdges: 3_000)
    /// The types the relations are given after loading, so that type filters keep some and not others.
    static let types = ["cooperates_with", "funds", "hosts"]

    /// The random graph in a database, its relations given three types by their ids' lengths, with a
    /// relation from a hub to itself and one from an ordinary node to itself.
    private func load() async throws -> (TemporaryDirectory, Connection) {
        let directory = try TemporaryDirectory()
        let url = try Self.graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: url).load(into: store)
        let connection = try Connection(path: directory.databasePath)
        try connection.execute(
            """
            UPDATE relations SET type = CASE length(id) % 3 WHEN 0 THEN 'funds' WHEN 1 THEN 'hosts'
                ELSE 'cooperates_with' END;
            INSERT INTO relations(id, type, from_id, to_id) VALUES ('n0--hosts--n0', 'hosts', 'n0', 'n0'),
                ('n7--funds--n7', 'funds', 'n7', 'n7');
            """
        )
        return (directory, connection)
    }

    /// One random step: a few nodes (a hub among them one time in four, some twice), a filter, a cap, and a
    /// page after a relation of the first node (or after one that is not there).
    private struct Step {
        var ids: [String]
        var filter: EdgeFilter
        var cap: Int
        var page: AdjacencyPage?

        init(_ generator: inout SeededGenerator, relations: [String: NodeRelations]) {
            func pick() -> Int { Int(generator.next() % 1_000_000) }
            self.ids = (0...(pick() % 12)).map { _ in
                pick() % 4 == 0 ? "n\(pick() % 3)" : "n\(pick() % KeptRelationsTests.graph.nodes.count)"
            }
            self.ids += self.ids.prefix(pick() % 2)
            let types = [[], ["funds"], ["hosts", "cooperates_with"], ["located_in"]][pick() % 4]
            self.filter = EdgeFilter(types: types, direction: [.both, .out, .in][pick() % 3])
            self.cap = [1, 3, 40, 100_000][pick() % 4]
            guard pick() % 3 != 0 else { return }
            var after: Adjacent?
            let links = (relations[self.ids[0]]?.out ?? []) + (relations[self.ids[0]]?.into ?? [])
            switch pick() % 3 {
            case 0 where !links.isEmpty:
                let link = links[pick() % links.count]
                after = Adjacent(edge: link.edge, other: link.other, forward: true)
            case 1: after = Adjacent(edge: "n5--zz", other: "n5", forward: true)
            default: after = nil
            }
            self.page = AdjacencyPage(size: 1 + pick() % 40, after: after)
        }
    }

    @Test func keptRelationsGiveTheRowsTheStoreReads() async throws {
        let (directory, connection) = try await self.load()
        defer { directory.remove() }
        let context = QueryContext(deadline: nil)
        let rows = SQLiteRows(connection: connection, context: context)
        let (mismatches, capped, paged) = try connection.read { _ in
            let relations = try rows.nodeRelations(Self.graph.nodes, bound: 100_000)
            #expect(relations["n0"].map { $0.out.count + $0.into.count } ?? 0 > 900, "n0 is a hub")
            var generator = SeededGenerator(seed: 11)
            var mismatches: [String] = []
            var (capped, paged) = (0, 0)
            for trial in 0..<3_000 {
                let step = Step(&generator, relations: relations)
                let list = UTF8Order.sorted(Set(step.ids))
                let want = try rows.adjacency(list, filter: step.filter, cap: step.cap, page: step.page)
                let got = Adjacency(
                    kept: list.map { relations[$0] ?? NodeRelations(id: $0) },
                    filter: step.filter,
                    cap: step.cap,
                    page: step.page
                )
                if got.byNode != want.byNode || got.capped != want.capped {
                    mismatches.append("trial \(trial): \(step.ids) \(step.filter.types) cap \(step.cap)")
                }
                if want.capped { capped += 1 }
                if step.page?.after != nil, !want.byNode.isEmpty { paged += 1 }
            }
            return (mismatches, capped, paged)
        }
        #expect(mismatches.count == 0, "\(mismatches.prefix(5))")
        #expect(capped > 100 && paged > 100, "\(capped) steps capped, \(paged) read a page after a relation")
    }

    /// How a reader's relations cache is filled: prewarmed, as it reads, or as it reads until a third of the
    /// graph's lists fill it.
    enum Filling: CaseIterable {
        case prewarmed, asRead, asReadUntilFull
    }

    /// A reader with caches, prewarmed or filled as it reads, with a bound that makes the three hubs read the
    /// store: its steps are those of a reader without caches, cut into pages alike. Once its cache is full, a
    /// node it does not keep is left to the store's paged read, not read whole.
    @Test(arguments: Filling.allCases)
    func readersKeepingRelationsTakeTheSameSteps(filling: Filling) async throws {
        let (directory, connection) = try await self.load()
        defer { directory.remove() }
        let context = QueryContext(deadline: nil)
        let rows = SQLiteRows(connection: connection, context: context)
        let every = try rows.nodeRelations(Self.graph.nodes, bound: 400).values.reduce(0) { $0 + $1.cachedBytes }
        let caches = StoreCaches(
            refs: RecordCache(budget: 0),
            edges: RecordCache(budget: 0),
            relations: RecordCache(budget: filling == .asReadUntilFull ? every / 3 : 1 << 30),
            hubDegree: 400
        )
        let watch = WatchedRows(rows: rows, cache: caches.relations)
        let prewarmed = filling == .prewarmed
        let mismatches = try connection.read { connection in
            let revision = try GraphStore.revision(connection)
            if prewarmed {
                // Every node with relations kept, its lists as a node's read alone.
                try Prewarm.fill(caches, connection)
                let linked = try connection.prepare("SELECT from_id FROM relations UNION SELECT to_id FROM relations")
                    .map { $0.text(0) }
                let read = try rows.nodeRelations(linked, bound: 400)
                let kept = try caches.relations.values(linked, at: revision) { missing in
                    Issue.record("not kept: \(missing.count) nodes")
                    return [:]
                }
                func lists(_ node: NodeRelations?) -> [[String]] {
                    [node?.out ?? [], node?.into ?? []].map { $0.map { "\($0.other) \($0.edge) \($0.type)" } }
                        + [[node.map { "\($0.whole)" } ?? "none"]]
                }
                #expect(kept.map(lists) == linked.map { lists(read[$0]) })
            }
            let keeping = GraphReader(rows: rows, context: context, caches: (caches, revision, watch))
            let plain = GraphReader(rows: rows, context: context)
            let relations = try rows.nodeRelations(Self.graph.nodes, bound: 100_000)
            var generator = SeededGenerator(seed: 12)
            var mismatches: [String] = []
            for trial in 0..<1_000 {
                let step = Step(&generator, relations: relations)
                let want = try plain.adjacency(step.ids, filter: step.filter, cap: step.cap, page: step.page)
                let got = try keeping.adjacency(step.ids, filter: step.filter, cap: step.cap, page: step.page)
                if got.byNode != want.byNode || got.capped != want.capped || got.more != want.more {
                    mismatches.append("trial \(trial): \(step.ids) \(step.filter.types) cap \(step.cap)")
                }
            }
            if filling != .asReadUntilFull {
                let hubs = try caches.relations.values(["n0", "n1", "n2", "n3"], at: revision) { missing in
                    Issue.record("not kept: \(missing)")
                    return [:]
                }
                #expect(hubs.map { $0?.whole } == [false, false, false, true], "the hubs are marked, n3 kept whole")
            }
            return mismatches
        }
        #expect(mismatches.count == 0, "\(mismatches.prefix(5))")
        #expect(caches.relations.isFull == (filling == .asReadUntilFull))
        #expect(watch.readWhileFull == 0, "\(watch.readWhileFull) nodes read whole after the cache was full")
        if filling != .prewarmed { #expect(watch.read > 100, "\(watch.read) nodes read whole") }
    }
}

/// A store's node relations, counting the nodes read whole, and those read while `cache` was full.
private final class WatchedRows: NodeRelationRows {
    let rows: SQLiteRows
    let cache: RecordCache<NodeRelations>
    private(set) var read = 0
    private(set) var readWhileFull = 0

    init(rows: SQLiteRows, cache: RecordCache<NodeRelations>) {
        self.rows = rows
        self.cache = cache
    }

    func nodeRelations(_ ids: [String], bound: Int) throws -> [String: NodeRelations] {
        self.read += ids.count
        if self.cache.isFull { self.readWhileFull += ids.count }
        return try self.rows.nodeRelations(ids, bound: bound)
    }
}
