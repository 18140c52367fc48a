/// Full entities and the edges among them around a set of ids (`chrono.v1.Graph/Subgraph`).
public struct Subgraph: GraphResult, Hashable {
    /// The entities, by id.
    public var nodes: [Entity]
    /// Edges whose two ends are both in `nodes`, by id.
    public var edges: [EncodedEdge]
    /// Set when the node budget cut the expansion short.
    public var truncated: Truncated?
    public var revision: Int64

    /// Creates a subgraph.
    public init(nodes: [Entity], edges: [EncodedEdge], truncated: Truncated?, revision: Int64) {
        self.nodes = nodes
        self.edges = edges
        self.truncated = truncated
        self.revision = revision
    }
}
