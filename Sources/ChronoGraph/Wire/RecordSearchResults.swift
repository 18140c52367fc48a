/// One record found by the ranked search: what it is, why it matched, when and where it is attested.
public struct RecordHit: Sendable, Hashable {
    /// `entity`, `event`, `figure`, `dispute` or `relation`.
    public var kind: String
    /// The record's id.
    public var id: String
    /// Its name (entity), title (event), measure (figure), topic (dispute) or "from type to" (relation).
    public var title: String
    /// The entity's kind, for entities.
    public var entityKind: EntityKind?
    /// The record's date, when it has one.
    public var date: DateValue?
    /// A short excerpt with the matched words between `**`.
    public var snippet: String
    /// The query words the record holds (after stemming, prefix and typo matching).
    public var matched: [String]
    /// Higher is better: more matched words first, then BM25 with names above titles above summaries
    /// above claims; an exact id or name puts a record first.
    public var score: Double
    /// Where the documents say it (a dispute's citations are those of its claims).
    public var citations: [Citation]

    /// Creates a hit.
    public init(
        kind: String,
        id: String,
        title: String,
        entityKind: EntityKind? = nil,
        date: DateValue? = nil,
        snippet: String,
        matched: [String],
        score: Double,
        citations: [Citation]
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.entityKind = entityKind
        self.date = date
        self.snippet = snippet
        self.matched = matched
        self.score = score
        self.citations = citations
    }
}

/// Ranked records of every kind for a text (`chrono.v1.Search/Query`).
public struct RecordSearchResults: GraphResult, Hashable {
    /// Best first.
    public var results: [RecordHit]
    /// The cursor for the next page, or `nil` on the last page.
    public var nextCursor: String?
    public var revision: Int64

    /// Creates search results.
    public init(results: [RecordHit], nextCursor: String?, revision: Int64) {
        self.results = results
        self.nextCursor = nextCursor
        self.revision = revision
    }
}
