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

    /// Creates a query. The store trusts the values: `ids` not empty, `depth` within `depths`, `limit` within
    /// `limits`, as `init(reading:)` checks.
    public init(ids: [String], depth: Int = 1, limit: Int = 1_000) {
        self.ids = ids
        self.depth = depth
        self.limit = limit
    }

    /// Reads and checks the params of `Graph/Subgraph`; unset params keep the defaults of `init`.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(expecting: ["depth", "ids", "limit"])
        self.init(ids: try params.strings("ids"))
        self.depth = try params.int("depth", in: Self.depths) ?? self.depth
        self.limit = try params.int("limit", in: Self.limits) ?? self.limit
        guard !self.ids.isEmpty else {
            throw JSONFieldError(path: params.pathOf("ids"), message: "must name at least one entity")
        }
    }
}
