public import ChronoProtocol

/// A shortest-paths search (`chrono.v1.Graph/Paths`).
public struct PathsQuery: Sendable, Hashable {
    /// Allowed maximum depths.
    public static let depths = 1...8
    /// Allowed path counts.
    public static let counts = 1...10

    /// The start: an id, or a name or alias resolving to one entity.
    public var from: String
    /// The end: an id, or a name or alias resolving to one entity.
    public var to: String
    /// Longest path considered, in hops, 1–8 (default 4).
    public var maxDepth: Int
    /// Relation types to follow (all when empty); relations are followed both ways.
    public var relations: [String]
    /// How many shortest simple paths, 1–10 (default 1).
    public var k: Int
    /// Entities visited per search before it stops with `truncated` (default 20,000).
    public var nodeBudget: Int
    /// Whether a path may also pass through an event: from one of its participants to another (an actor
    /// that took part, an instrument it is about).
    public var throughEvents: Bool

    /// Creates a query. The store trusts the values: `maxDepth` within `depths`, `k` within `counts`,
    /// `nodeBudget` at least 1, as `init(reading:)` keeps them.
    public init(
        from: String,
        to: String,
        maxDepth: Int = 4,
        relations: [String] = [],
        k: Int = 1,
        nodeBudget: Int = 20_000,
        throughEvents: Bool = false
    ) {
        self.from = from
        self.to = to
        self.maxDepth = maxDepth
        self.relations = relations
        self.k = k
        self.nodeBudget = nodeBudget
        self.throughEvents = throughEvents
    }

    /// Reads and checks the params of `Graph/Paths`; unset params keep the defaults of `init`.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(expecting: ["from", "k", "max_depth", "relations", "through_events", "to"])
        self.init(from: try params.string("from"), to: try params.string("to"))
        self.maxDepth = try params.int("max_depth", in: Self.depths) ?? self.maxDepth
        self.relations = try params.strings("relations")
        self.k = try params.int("k", in: Self.counts) ?? self.k
        self.throughEvents = try params.bool("through_events", default: self.throughEvents)
    }
}
