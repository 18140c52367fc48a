public import ChronoProtocol

/// Which way relations are followed.
public enum TraversalDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// From `from` to `to` only.
    case out
    /// From `to` to `from` only.
    case `in`
    /// Either way.
    case both
}

/// A neighbourhood expansion (`chrono.v1.Graph/Neighbors`).
public struct NeighborsQuery: Sendable, Hashable {
    /// Allowed depths.
    public static let depths = 1...6
    /// Allowed node budgets.
    public static let limits = 1...10_000

    /// The root: an id, or a name or alias resolving to one entity.
    public var id: String
    /// Hops, 1–6 (default 1).
    public var depth: Int
    /// Relation types to follow (all when empty).
    public var relations: [String]
    /// `out`, `in` or `both` (default).
    public var direction: TraversalDirection
    /// Only reach entities of these kinds (all when empty).
    public var kinds: [EntityKind]
    /// Only follow relations whose date overlaps the window from here (undated relations always qualify).
    public var from: EDTFDate?
    /// Only follow relations whose date overlaps the window up to here.
    public var to: EDTFDate?
    /// Node budget, 1–10,000 (default 200).
    public var limit: Int
    /// Whether events connect their participants, as hops of their own (default `false`). Such hops ignore
    /// `relations` and `direction`; with a window, only events whose date overlaps it connect.
    public var throughEvents: Bool

    /// Creates a query.
    public init(
        id: String,
        depth: Int = 1,
        relations: [String] = [],
        direction: TraversalDirection = .both,
        kinds: [EntityKind] = [],
        from: EDTFDate? = nil,
        to: EDTFDate? = nil,
        limit: Int = 200,
        throughEvents: Bool = false
    ) {
        self.id = id
        self.depth = depth
        self.relations = relations
        self.direction = direction
        self.kinds = kinds
        self.from = from
        self.to = to
        self.limit = limit
        self.throughEvents = throughEvents
    }

    /// Checks the depth and limit, naming the offending parameter.
    public func validate() throws(ChronoError) {
        try Self.depths.require(self.depth, parameter: "depth")
        try Self.limits.require(self.limit, parameter: "limit")
    }
}
