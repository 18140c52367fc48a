public import ChronoProtocol

/// A subgraph export (`chrono.v1.Graph/Subgraph`).
public struct SubgraphQuery: Sendable, Hashable {
    /// Allowed depths.
    public static let depths = 0...3
    /// Allowed node budgets.
    public static let limits = 1...10_000

    /// The seed entities: ids, or names or aliases each resolving to one entity.
    public var ids: [String]
    /// Hops around the seeds, 0–3 (default 1).
    public var depth: Int
    /// Node budget (default 1,000).
    public var limit: Int

    /// Creates a query.
    public init(ids: [String], depth: Int = 1, limit: Int = 1_000) {
        self.ids = ids
        self.depth = depth
        self.limit = limit
    }

    /// Checks ids, depth and limit, naming the offending parameter.
    public func validate() throws(ChronoError) {
        guard !self.ids.isEmpty else { throw .invalidArgument("params.ids: must name at least one entity") }
        try Self.depths.require(self.depth, parameter: "depth")
        try Self.limits.require(self.limit, parameter: "limit")
    }
}
