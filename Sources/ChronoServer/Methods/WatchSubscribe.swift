import ChronoProtocol
import ChronoStore

/// `chrono.v1.Watch/Subscribe`: `{"query": {"method", "params"}, "since_revision"?}`; data frames are
/// `SubscriptionFrame`s; the stream ends only with an error status (cancel, deadline, overflow, shutdown).
enum WatchSubscribe {
    /// The read methods a subscription may follow: every unary graph query.
    static let subscribable = GraphMethods.queryMethods

    static func descriptor(
        live: any GraphService,
        configuration: LiveConfiguration,
        metrics: CallMetrics
    ) -> MethodDescriptor {
        let shared = SharedEvaluations()
        return MethodDescriptor(.watchSubscribe, schema: "watch_subscribe") { context in
            var params = try context.params(expecting: ["query", "since_revision"])
            let (name, queryParams) = try Self.query(&params)
            var since: Int64?
            if let value = params.optional("since_revision") {
                guard case .int(let revision) = value, revision >= 0 else {
                    throw JSONFieldError(
                        path: params.pathOf("since_revision"),
                        message: "expected a revision (an integer ≥ 0)"
                    )
                }
                since = revision
            }
            var reader = JSONObjectReader(queryParams, path: "params")
            guard let query = try GraphMethods.query(name, reading: &reader) else {
                throw JSONFieldError(
                    path: params.pathOf("query"),
                    message: "\"\(name.rawValue)\" cannot be subscribed to"
                )
            }
            let subscription = Subscription(
                live: live,
                key: SharedEvaluations.Key(method: name, params: queryParams),
                query: query,
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

    /// Reads `params.query`: `{"method", "params"?}`, a subscribable method and its params (without `as_of`).
    private static func query(
        _ params: inout JSONObjectReader
    ) throws(JSONFieldError) -> (
        MethodName, [String: JSONValue]
    ) {
        guard case .object(let members)? = params.optional("query") else {
            throw JSONFieldError(path: params.pathOf("query"), message: "expected an object {\"method\", \"params\"}")
        }
        var query = JSONObjectReader(members, path: params.pathOf("query"))
        try query.rejectUnknown(expecting: ["method", "params"], noun: "member")
        guard case .string(let method)? = query.optional("method") else {
            throw JSONFieldError(path: query.pathOf("method"), message: "expected a method name")
        }
        guard let name = MethodName(rawValue: method), Self.subscribable.contains(name) else {
            let allowed = Self.subscribable.map(\.rawValue).joined(separator: ", ")
            throw JSONFieldError(
                path: query.pathOf("method"),
                message: "\"\(method)\" cannot be subscribed to (\(allowed))"
            )
        }
        guard case .object(let queryParams) = query.optional("params") ?? .object([:]) else {
            throw JSONFieldError(path: query.pathOf("params"), message: "expected an object")
        }
        guard queryParams["as_of"] == nil else {
            throw JSONFieldError(
                path: "\(query.pathOf("params")).as_of",
                message: "a subscription follows the live graph"
            )
        }
        return (name, queryParams)
    }
}
