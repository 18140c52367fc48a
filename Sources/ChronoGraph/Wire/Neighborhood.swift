/// An entity reached by a traversal and its distance in hops from the root.
public struct NeighborNode: Sendable, Hashable {
    /// The entity.
    public var entity: EntityRef
    /// Hops from the root (the root itself is not listed).
    public var depth: Int

    /// Creates a node.
    public init(entity: EntityRef, depth: Int) {
        self.entity = entity
        self.depth = depth
    }
}

/// The entities within some hops of a root (`chrono.v1.Graph/Neighbors`).
public struct Neighborhood: GraphResult, Hashable {
    /// The root entity.
    public var root: EntityRef
    /// Reached entities, by depth then id.
    public var nodes: [NeighborNode]
    /// The edges followed, by id.
    public var edges: [EncodedEdge]
    /// With `through_events`, the events followed (each connects all its participants), by id; `nil` otherwise.
    public var events: [Event]?
    /// Set when the node budget cut the traversal short.
    public var truncated: Truncated?
    public var revision: Int64

    /// Creates a neighborhood.
    public init(
        root: EntityRef,
        nodes: [NeighborNode],
        edges: [EncodedEdge],
        events: [Event]? = nil,
        truncated: Truncated?,
        revision: Int64
    ) {
        self.root = root
        self.nodes = nodes
        self.edges = edges
        self.events = events
        self.truncated = truncated
        self.revision = revision
    }
}
