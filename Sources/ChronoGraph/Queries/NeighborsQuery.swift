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

    /// Creates a query. The store trusts the values: `depth` within `depths`, `limit` within `limits`, as
    /// `init(reading:)` checks.
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

    /// Reads and checks the params of `Graph/Neighbors`; unset params keep the defaults of `init`.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(
            expecting: ["depth", "direction", "from", "id", "kinds", "limit", "relations", "through_events", "to"]
        )
        self.init(id: try params.string("id"))
        self.depth = try params.int("depth", in: Self.depths) ?? self.depth
        self.relations = try params.strings("relations")
        self.direction = try params.choice("direction", as: TraversalDirection.self) ?? self.direction
        self.kinds = try params.choices("kinds", as: EntityKind.self)
        self.from = try params.date("from")
        self.to = try params.date("to")
        self.limit = try params.int("limit", in: Self.limits) ?? self.limit
        self.throughEvents = try params.bool("through_events", default: self.throughEvents)
    }
}
