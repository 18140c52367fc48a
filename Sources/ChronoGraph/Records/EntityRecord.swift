/// An actor or instrument as stored in `Graph/` (`"record": "entity"`).
public struct EntityRecord: Sendable, Hashable {
    /// The keys an instrument's `dates` map may use.
    public static let dateKeys: Set<String> = ["adopted", "signed", "in_force", "amended", "ratified", "expires"]

    /// The stable slug.
    public var id: String
    /// What the entity is.
    public var kind: EntityKind
    /// The canonical name.
    public var name: String
    /// Other surface forms the documents use.
    public var aliases: [String]
    /// A summary in our own words.
    public var summary: String
    /// A flat map of extra facts.
    public var attributes: [String: String]
    /// An instrument's number (`No. 560`), if any.
    public var number: String?
    /// An instrument's dates, keyed by one of `dateKeys`.
    public var dates: [String: DateValue]
    /// Where the entity is attested; never empty.
    public var citations: [Citation]

    /// Creates an entity record.
    public init(
        id: String,
        kind: EntityKind,
        name: String,
        aliases: [String] = [],
        summary: String = "",
        attributes: [String: String] = [:],
        number: String? = nil,
        dates: [String: DateValue] = [:],
        citations: [Citation]
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.attributes = attributes
        self.number = number
        self.dates = dates
        self.citations = citations
    }
}
