import ChronoProtocol
import ChronoStore

/// `chrono.v1.Watch/Subscribe`: `{"query": {"method", "params"}, "since_revision"?}`; data frames are
/// `SubscriptionFrame`s; the stream ends only with an error status (cancel, deadline, overflow, shutdown).
enum WatchSubscribe {
    /// The read methods a subscription may follow.
    static let subscribable: [MethodName] = [
        .timelineQuery, .entityGet, .entitySearch, .searchQuery, .graphNeighbors, .graphPaths, .graphSubgraph,
        .disputesList,
        .figuresList, .statsGet,
    ]

    static func descriptor(
        live: LiveGraph,
        configuration: LiveConfiguration,
        metrics: CallMetrics
    ) -> MethodDescriptor {
        let shared = SharedEvaluations()
        return MethodDescriptor(.watchSubscribe, schema: "watch_subscribe") { context in
            let params = try Params(context.params, allowed: ["query", "since_revision"])
            guard case .object(let query)? = params.raw("query") else {
                throw ChronoError.invalidArgument("params.query: expected an object {\"method\", \"params\"}")
            }
            if let unknown = query.keys.filter({ $0 != "method" && $0 != "params" }).sorted().first {
                throw ChronoError.invalidArgument("params.query.\(unknown): unknown member (expected method, params)")
            }
            guard case .string(let method)? = query["method"] else {
                throw ChronoError.invalidArgument("params.query.method: expected a method name")
            }
            guard let name = MethodName(rawValue: method), Self.subscribable.contains(name) else {
                let allowed = Self.subscribable.map(\.rawValue).joined(separator: ", ")
                throw ChronoError.invalidArgument(
                    "params.query.method: \"\(method)\" cannot be subscribed to (\(allowed))"
                )
            }
            var queryParams: [String: JSONValue] = [:]
            switch query["params"] {
            case .none, .null?: break
            case .object(let members): queryParams = members
            case .some: throw ChronoError.invalidArgument("params.query.params: expected an object")
            }
            guard queryParams["as_of"] == nil else {
                throw ChronoError.invalidArgument("params.query.params.as_of: a subscription follows the live graph")
            }
            var since: Int64?
            if let value = params.raw("since_revision") {
                guard case .int(let revision) = value, revision >= 0 else {
                    throw ChronoError.invalidArgument("params.since_revision: expected a revision (an integer ≥ 0)")
                }
                since = revision
            }
            let subscription = Subscription(
                live: live,
                query: try Subscription.descriptor(name, on: live.store),
                queryParams: queryParams,
                since: since,
                context: context,
                configuration: configuration,
                shared: shared
            )
            metrics.subscriber(started: true)
            defer { metrics.subscriber(started: false) }
            return try await subscription.run()
        }
    }
}
