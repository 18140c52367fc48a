import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Testing

/// What subscriptions diff: every result type's own list of items (`GraphResult.items()`) against the items
/// read from its wire form alone (`resultItems(of:)`, the identity rule subscriptions used before), on real
/// answers over the repository graph. A member added to a result's wire form but not to its items, or an
/// element known by another identity, fails here.
@Suite("Subscription items of query results", .heavy, .timeLimit(.minutes(2)))
struct ResultItemsTests {
    private static func check(_ result: some GraphResult, _ label: String) throws {
        let typed = try result.items().items
        let read = resultItems(of: try wireForm(result))
        let keys = (typed: Set(typed.keys), read: Set(read.keys))
        #expect(
            keys.typed == keys.read,
            "\(label): only listed \(keys.typed.subtracting(keys.read)), only read \(keys.read.subtracting(keys.typed))"
        )
        #expect(typed == read, "\(label)")
        #expect(!typed.isEmpty, "\(label) has no items")
    }

    @Test func everyResultListsTheItemsOfItsWireForm() async throws {
        let directory = try TemporaryDirectory(prefix: "result-items")
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: RepositoryGraph.directory).load(into: store)
        let page = try await store.run(TimelineQuery(actors: ["Ilkham Aliev"], limit: 3))
        #expect(page.nextCursor != nil && !page.resolved.isEmpty)
        try Self.check(page, "timeline")
        try Self.check(try await store.run(EntityQuery(id: "azerbaijan")), "entity")
        try Self.check(try await store.run(SearchQuery(text: "migration")), "entity search")
        let ranked = try await store.run(RecordSearchQuery(text: "refugees", limit: 5))
        #expect(ranked.nextCursor != nil)
        try Self.check(ranked, "ranked search")
        let neighborhood = try await store.run(
            NeighborsQuery(id: "azerbaijan", depth: 2, limit: 20, throughEvents: true)
        )
        #expect(neighborhood.truncated != nil && !(neighborhood.events ?? []).isEmpty)
        try Self.check(neighborhood, "neighbours")
        let paths = try await store.run(PathsQuery(from: "ilham-aliyev", to: "migration-code", k: 3))
        #expect(paths.paths.count > 1)
        try Self.check(paths, "paths")
        try Self.check(try await store.run(SubgraphQuery(ids: ["azerbaijan"], depth: 1)), "subgraph")
        try Self.check(try await store.run(DisputesQuery()), "disputes")
        try Self.check(try await store.run(FiguresQuery()), "figures")
        try Self.check(try await store.run(StatsQuery()), "stats")
    }
}
