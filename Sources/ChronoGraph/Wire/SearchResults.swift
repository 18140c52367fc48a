/// One ranked search hit.
public struct SearchHit: Sendable, Hashable {
    /// How the hit matched.
    public enum Match: String, Sendable, Hashable {
        case id, alias, name, text, fuzzy
    }

    /// The entity found.
    public var entity: EntityRef
    /// Its summary.
    public var summary: String
    /// Higher is better; exact id/name/alias matches score above text matches, which score above fuzzy ones.
    public var score: Double
    /// What matched.
    public var matched: Match

    /// Creates a hit.
    public init(entity: EntityRef, summary: String, score: Double, matched: Match) {
        self.entity = entity
        self.summary = summary
        self.score = score
        self.matched = matched
    }
}

/// Ranked entities for a text (`chrono.v1.Entity/Search`).
public struct SearchResults: GraphResult, Hashable {
    /// Best first.
    public var results: [SearchHit]
    public var revision: Int64

    /// Creates search results.
    public init(results: [SearchHit], revision: Int64) {
        self.results = results
        self.revision = revision
    }
}
