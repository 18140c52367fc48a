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

    /// Creates a query.
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

    /// Checks depth, k and budget, naming the offending parameter.
    public func validate() throws(ChronoError) {
        try Self.depths.require(self.maxDepth, parameter: "max_depth")
        try Self.counts.require(self.k, parameter: "k")
        guard self.nodeBudget >= 1 else { throw .invalidArgument("params.node_budget: must be at least 1") }
    }
}
