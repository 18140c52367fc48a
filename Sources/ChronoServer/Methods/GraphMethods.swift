import ChronoGraph
import ChronoProtocol
import ChronoStore

/// The methods answered from the graph's reader. Each passes the call's deadline to the reader, which stops
/// the query when it passes; results carry the revision they were computed at.
enum GraphMethods {
    /// The unary graph methods in listing order, with their schemas; each reads its params as a `GraphQuery`.
    private static let unary: [(name: MethodName, schema: String)] = [
        (.timelineQuery, "timeline_query"), (.entityGet, "entity_get"), (.entitySearch, "entity_search"),
        (.searchQuery, "search_query"), (.graphNeighbors, "graph_neighbors"), (.graphPaths, "graph_paths"),
        (.graphSubgraph, "graph_subgraph"), (.disputesList, "disputes_list"), (.figuresList, "figures_list"),
        (.statsGet, "stats_get"),
    ]

    /// The methods whose params read as a `GraphQuery`, in listing order.
    static var queryMethods: [MethodName] { Self.unary.map(\.name) }

    /// One descriptor per graph method. A unary call is first tried at once on the event loop for at most
    /// `quickBudget` (when the store can, `GraphReading.answerAtOnce`, the budget is not zero and calls of its
    /// kind are small next to it, `QuickAttempts`), and otherwise runs on the store's reader threads.
    static func descriptors(store: any GraphReading, quickBudget: Duration) -> [MethodDescriptor] {
        let attempts = QuickAttempts(methods: Self.unary.count, budget: quickBudget)
        var descriptors = Self.unary.enumerated().map { index, method in
            var descriptor = MethodDescriptor(method.name, schema: method.schema) { context in
                // Timed from here: the task runs on a reader's queue, so a wait in the queue is not counted.
                let started = ContinuousClock.now
                defer {
                    attempts.record(attempts.kind(method: index, params: context.params), elapsed: .now - started)
                }
                return try await Self.answer(method.name, context, on: store)
            }
            descriptor.executor = { store.readExecutor() }
            if quickBudget > .zero {
                descriptor.quickHandler = { context in
                    let kind = attempts.kind(method: index, params: context.params)
                    guard attempts.shouldTry(kind) else { return nil }
                    var params = JSONObjectReader(context.params, path: "params")
                    guard let query = try Self.query(method.name, reading: &params) else { return nil }
                    let started = ContinuousClock.now
                    let result = try store.answerAtOnce(query, budget: quickBudget, deadline: context.deadline)
                    attempts.record(kind, elapsed: .now - started)
                    return result.map { MethodResult($0, revision: $0.revision) }
                }
            }
            return descriptor
        }
        descriptors.insert(TimelineStream.descriptor(store: store), at: 1)
        return descriptors
    }

    /// The query of the unary graph method `name` read from `params` (each query type reads and checks its
    /// own), or `nil` when `name` is not one.
    static func query(_ name: MethodName, reading params: inout JSONObjectReader) throws -> (any GraphQuery)? {
        switch name {
        case .timelineQuery: try TimelineQuery(reading: &params)
        case .entityGet: try EntityQuery(reading: &params)
        case .entitySearch: try SearchQuery(reading: &params)
        case .searchQuery: try RecordSearchQuery(reading: &params)
        case .graphNeighbors: try NeighborsQuery(reading: &params)
        case .graphPaths: try PathsQuery(reading: &params)
        case .graphSubgraph: try SubgraphQuery(reading: &params)
        case .disputesList: try DisputesQuery(reading: &params)
        case .figuresList: try FiguresQuery(reading: &params)
        case .statsGet: try StatsQuery(reading: &params)
        default: nil
        }
    }

    /// Answers the graph method `name` called with `context` from `store`, stamped with the revision it was
    /// computed at.
    static func answer(
        _ name: MethodName,
        _ context: CallContext,
        on store: any GraphReading
    ) async throws -> MethodResult {
        if name == .timelineStream { return try await TimelineStream.answer(context, on: store) }
        var params = JSONObjectReader(context.params, path: "params")
        guard let query = try Self.query(name, reading: &params) else {
            throw ChronoError.invalidArgument("\(name.rawValue) is not a graph method")
        }
        let result = try await store.run(query, deadline: context.deadline)
        return MethodResult(result, revision: result.revision)
    }
}
