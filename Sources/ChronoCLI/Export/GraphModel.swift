public import ChronoProtocol

/// Nodes and edges ready for a graph file: what `neighbors`, `path`, `subgraph` and `show` export.
public struct GraphModel: Sendable, Hashable {
    /// An entity drawn as a node.
    public struct Node: Sendable, Hashable {
        /// The entity id (unique within the graph).
        public var id: String
        /// The entity's name.
        public var label: String
        /// The entity kind (`person`, `law`, ...), empty when unknown.
        public var kind: String
        /// `actor` or `instrument`, empty when unknown.
        public var family: String
    }

    /// A relation drawn as a directed edge.
    public struct Edge: Sendable, Hashable {
        /// The relation id.
        public var id: String
        /// The source node id.
        public var source: String
        /// The target node id.
        public var target: String
        /// The relation type (`issued`, `amends`, ...).
        public var relation: String
        /// The date as shown to people, empty when the relation has none.
        public var date: String
        /// The evidence, as `doc:lines` citations.
        public var citations: String
    }

    /// The nodes, in first-seen order, without duplicates.
    public private(set) var nodes: [Node] = []
    /// The edges, in first-seen order, without duplicates.
    public private(set) var edges: [Edge] = []
    private var nodeIDs: Set<String> = []
    private var edgeIDs: Set<String> = []

    /// Creates an empty graph.
    public init() {}

    /// Adds an entity (an `EntityRef` or `Entity` object) unless a node with its id exists.
    public mutating func addNode(_ entity: JSONValue) {
        let id = entity.text("id")
        guard !id.isEmpty, !self.nodeIDs.contains(id) else { return }
        self.nodeIDs.insert(id)
        self.nodes.append(
            Node(id: id, label: entity.text("name"), kind: entity.text("kind"), family: entity.text("family"))
        )
    }

    /// Adds a relation (an `Edge` object); endpoints not yet in the graph become nodes labelled by id.
    public mutating func addEdge(_ edge: JSONValue, citations: CitationFormatter) {
        let id = edge.text("id")
        guard !id.isEmpty, !self.edgeIDs.contains(id) else { return }
        self.edgeIDs.insert(id)
        for end in [edge.text("from"), edge.text("to")] where !self.nodeIDs.contains(end) {
            self.nodeIDs.insert(end)
            self.nodes.append(Node(id: end, label: end, kind: "", family: ""))
        }
        self.edges.append(
            Edge(
                id: id,
                source: edge.text("from"),
                target: edge.text("to"),
                relation: edge.text("type"),
                date: DateDisplay.text(edge["date"]),
                citations: citations.format(list: edge.list("citations"))
            )
        )
    }
}
