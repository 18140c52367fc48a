/// One source's version of a disputed fact.
public struct Claim: Sendable, Hashable {
    /// What this source says.
    public var claim: String
    /// Where it says it; never empty.
    public var citations: [Citation]

    /// Creates a claim.
    public init(claim: String, citations: [Citation]) {
        self.claim = claim
        self.citations = citations
    }
}

/// A fact that sources give differently (`"record": "dispute"`).
public struct DisputeRecord: Sendable, Hashable {
    /// The stable slug.
    public var id: String
    /// The id of the entity, event or figure the claims are about, if any.
    public var subject: String?
    /// What is disputed, in words.
    public var topic: String
    /// At least two claims.
    public var claims: [Claim]

    /// Creates a dispute record.
    public init(id: String, subject: String?, topic: String, claims: [Claim]) {
        self.id = id
        self.subject = subject
        self.topic = topic
        self.claims = claims
    }
}
