/// A typed, directed, optionally dated link between two entities (`"record": "relation"`). It is also the
/// wire `Edge`: it encodes with dates expanded, an absent date or summary omitted.
public struct RelationRecord: Sendable, Hashable {
    /// `<from>--<type>--<to>`, with a `--2` suffix for a second such link.
    public var id: String
    /// One of the vocabulary's `relation_types`.
    public var type: String
    /// The source entity's id.
    public var from: String
    /// The target entity's id.
    public var to: String
    /// When the link held or was made, if known.
    public var date: DateValue?
    /// An optional summary in our own words.
    public var summary: String?
    /// Where the link is attested; never empty.
    public var citations: [Citation]

    /// Creates a relation record.
    public init(
        id: String,
        type: String,
        from: String,
        to: String,
        date: DateValue? = nil,
        summary: String? = nil,
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
