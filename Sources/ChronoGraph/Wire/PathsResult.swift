/// One hop of a path: a relation followed (and whether along its direction), or an event both ends took
/// part in. Exactly one of `edge` and `event` is set.
public struct PathHop: Sendable, Hashable {
    /// The relation, for a relation hop.
    public var edge: Edge?
    /// The event, for a hop through an event.
    public var event: Event?
    /// `true` when the path goes from `edge.from` to `edge.to`; always `true` through an event.
    public var forward: Bool

    /// Creates a relation hop.
    public init(edge: Edge, forward: Bool) {
        self.edge = edge
        self.forward = forward
    }

    /// Creates a hop through an event.
    public init(event: Event) {
        self.event = event
        self.forward = true
    }

    /// The hop's citations: the relation's or the event's.
    public var citations: [Citation] { self.edge?.citations ?? self.event?.record.citations ?? [] }
}

/// One path between two entities.
public struct GraphPath: Sendable, Hashable {
    /// The entities along the path, both ends included.
    public var nodes: [EntityRef]
    /// The hops; `hops.count == nodes.count - 1`.
    public var hops: [PathHop]
    /// The number of hops.
    public var length: Int { self.hops.count }

    /// Creates a path.
    public init(nodes: [EntityRef], hops: [PathHop]) {
        self.nodes = nodes
        self.hops = hops
    }
}

/// The shortest paths between two entities (`chrono.v1.Graph/Paths`).
public struct PathsResult: GraphResult, Hashable {
    /// Shortest first; ties by the sequence of edge ids.
    public var paths: [GraphPath]
    /// Set when the node budget cut the search short.
    public var truncated: Truncated?
    public var revision: Int64

    /// Creates a paths result.
    public init(paths: [GraphPath], truncated: Truncated?, revision: Int64) {
        self.paths = paths
        self.truncated = truncated
        self.revision = revision
    }
}
