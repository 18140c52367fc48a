/// A relation on the wire: typed, directed, optionally dated, with citations.
public struct Edge: Sendable, Hashable, Encodable {
    /// The relation's id.
    public var id: String
    /// Its relation type.
    public var type: String
    /// The source entity's id.
    public var from: String
    /// The target entity's id.
    public var to: String
    /// Its date, if any (omitted when absent).
    public var date: DateValue?
    /// Its summary, if any (omitted when absent).
    public var summary: String?
    /// Where it is attested.
    public var citations: [Citation]

    /// Creates an edge.
    public init(
        id: String,
        type: String,
        from: String,
        to: String,
        date: DateValue?,
        summary: String?,
        citations: [Citation]
    ) {
        self.id = id
        self.type = type
        self.from = from
        self.to = to
        self.date = date
        self.summary = summary
        self.citations = citations
    }
}
