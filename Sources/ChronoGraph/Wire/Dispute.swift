/// A disputed fact on the wire: the claims of each source.
public struct Dispute: Sendable, Hashable, Encodable {
    /// The dispute's slug.
    public var id: String
    /// The entity it is about, or `null`.
    public var subject: EntityRef?
    /// What is disputed.
    public var topic: String
    /// Each source's claim.
    public var claims: [Claim]

    /// Creates a wire dispute.
    public init(id: String, subject: EntityRef?, topic: String, claims: [Claim]) {
        self.id = id
        self.subject = subject
        self.topic = topic
        self.claims = claims
    }

    private enum CodingKeys: String, CodingKey { case id, subject, topic, claims }

    /// Encodes the wire form; `subject` is `null` when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)
        try container.encode(self.subject, forKey: .subject)
        try container.encode(self.topic, forKey: .topic)
        try container.encode(self.claims, forKey: .claims)
    }
}
