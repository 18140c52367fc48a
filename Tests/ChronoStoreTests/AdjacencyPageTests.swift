import ChronoGraph
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

/// A node's relations read a page at a time (`AdjacencyPage`) are the relations read whole, in the same order;
/// neighbourhoods that page through hubs are what a plain budgeted search finds.
@Suite("Relations read a page at a time", .heavy, .timeLimit(.minutes(2)))
struct AdjacencyPageTests {
    /// Three hubs of about a thousand relations each, half of them to the same hundred nodes.
    static let graph = RandomGraph(nodes: 1_500, edges: 2_400, seed: 5, hubs: 3, hubEdges: 3_000)

    private func load() async throws -> (TemporaryDirectory, GraphStore) {
        let directory = try TemporaryDirectory()
        let url = try Self.graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: url).load(into: store)
        return (directory, store)
    }

    /// For each filter and page size: each node's first page of a batch is the start of its whole list, `more`
    /// says whether anything is left, and the pages after it, each read after the last relation of the one
    /// before, add up to the whole list.
    private static func pageMismatches(
        _ reader: GraphReader,
        nodes: [String],
        filters: [EdgeFilter],
        sizes: [Int]
    ) throws -> [String] {
        var mismatches: [String] = []
        for (number, filter) in filters.enumerated() {
            let whole = try reader.adjacency(nodes, filter: filter).byNode
            for size in sizes {
                let first = try reader.adjacency(nodes, filter: filter, page: AdjacencyPage(size: size))
                for node in nodes {
                    let all = whole[node] ?? []
                    var chained = first.byNode[node] ?? []
                    var more = first.more.contains(node)
                    if chained != Array(all.prefix(size)) || more != (all.count > size) {
                        mismatches.append("\(node), filter \(number), size \(size): first page")
                    }
                    while more, let last = chained.last {
                        let page = try reader.adjacency(
                            [node],
                            filter: filter,
                            page: AdjacencyPage(size: size, after: last)
                        )
                        chained += page.byNode[node] ?? []
                        more = page.more.contains(node)
                    }
                    if chained != all {
                        mismatches.append("\(node), filter \(number), size \(size): \(chained.count) of \(all.count)")
                    }
                }
            }
        }
        return mismatches
    }

    @Test func pagesOfEveryNodeAddUpToItsWholeListInOrder() async throws {
        let (directory, store) = try await self.load()
        defer { directory.remove() }
        let nodes = ["n0", "n1", "n2", "n3", "n150", "n700", "n1499"]
        let hubDegree = Self.graph.adjacency["n0"]?.count ?? 0
        #expect(hubDegree > 500, "the hub has \(hubDegree) relations")
        let filters = [TraversalDirection.both, .out, .in].map { EdgeFilter(direction: $0) }
        let mismatches = try await store.read(deadline: nil) { connection, context in
            let reader = GraphReader(rows: SQLiteRows(connection: connection, context: context), context: context)
            return try Self.pageMismatches(reader, nodes: nodes, filters: filters, sizes: [1, 7, 64, 5_000])
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// Shared events are one more source of a node's list, merged into the relations' order.
    @Test func pagesThroughSharedEventsAddUpToTheWholeList() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let nodes = ["azerbaijan", "ilham-aliyev", "state-migration-service", "milli-majlis"]
        let filters = [
            EdgeFilter(throughEvents: true), EdgeFilter(direction: .out, throughEvents: true),
            EdgeFilter(window: DayWindow(lower: 10_000, upper: 20_000), throughEvents: true),
        ]
        let (mismatches, longest) = try await fixture.store.read(deadline: nil) { connection, context in
            let reader = GraphReader(rows: SQLiteRows(connection: connection, context: context), context: context)
            let longest = try reader.adjacency(nodes, filter: filters[0]).byNode.values.map(\.count).max() ?? 0
            return (try Self.pageMismatches(reader, nodes: nodes, filters: filters, sizes: [1, 3, 10]), longest)
        }
        #expect(longest > 10, "the longest list holds \(longest)")
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func neighbourhoodsOfHubsAreWhatABudgetedSearchFinds() async throws {
        let (directory, store) = try await self.load()
        defer { directory.remove() }
        for root in ["n0", "n2", "n5", "n42", "n999"] {
            for depth in [1, 2, 3] {
                for limit in [1, 10, 40, 250, 2_000] {
                    let want = Self.graph.budgetedNeighbourhood(from: root, depth: depth, limit: limit)
                    let got = try await store.run(NeighborsQuery(id: root, depth: depth, limit: limit))
                    let label = "\(root) depth \(depth) limit \(limit)"
                    #expect(
                        Dictionary(uniqueKeysWithValues: got.nodes.map { ($0.entity.id, $0.depth) })
                            == want.depths.filter { $0.key != root },
                        "\(label)"
                    )
                    #expect(Set(got.edges.map(\.id)) == want.edges, "\(label)")
                    #expect(got.truncated?.at == want.cutAt, "\(label)")
                }
            }
        }
    }
}
