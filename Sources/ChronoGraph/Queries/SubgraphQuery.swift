public import ChronoProtocol

/// A subgraph export (`chrono.v1.Graph/Subgraph`).
public struct SubgraphQuery: Sendable, Hashable {
    /// Allowed depths.
    public static let depths = 0...3

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
        guard Self.depths.contains(self.depth) else {
            throw .invalidArgument("params.depth: must be between 0 and 3, got \(self.depth)")
        }
        guard self.limit >= 1 else { throw .invalidArgument("params.limit: must be at least 1") }
    }
}
