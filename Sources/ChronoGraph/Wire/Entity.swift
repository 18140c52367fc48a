/// An entity with everything the graph says about it (the wire `Entity`).
public struct Entity: Sendable, Hashable, Encodable {
    /// The entity's reference fields.
    public var ref: EntityRef
    /// Other surface forms.
    public var aliases: [String]
    /// A summary in our own words.
    public var summary: String
    /// Extra facts.
    public var attributes: [String: String]
    /// An instrument's number, if any.
    public var number: String?
    /// An instrument's dates by key (`adopted`, `signed`…).
    public var dates: [String: DateValue]
    /// Where it is attested.
    public var citations: [Citation]

    /// Creates a wire entity.
    public init(
        ref: EntityRef,
        aliases: [String],
        summary: String,
        attributes: [String: String],
        number: String?,
        dates: [String: DateValue],
        citations: [Citation]
    ) {
        self.ref = ref
        self.aliases = aliases
        self.summary = summary
        self.attributes = attributes
        self.number = number
        self.dates = dates
        self.citations = citations
    }

    private enum CodingKeys: String, CodingKey { case aliases, summary, attributes, number, dates, citations }

    /// Encodes the `EntityRef` fields and the entity's own, flat.
    public func encode(to encoder: any Encoder) throws {
        try self.ref.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.aliases, forKey: .aliases)
        try container.encode(self.summary, forKey: .summary)
        try container.encode(self.attributes, forKey: .attributes)
        try container.encodeIfPresent(self.number, forKey: .number)
        try container.encode(self.dates, forKey: .dates)
        try container.encode(self.citations, forKey: .citations)
    }
}
