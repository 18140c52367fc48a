/// A disputed fact on the wire: the claims of each source.
public struct Dispute: Sendable, Hashable {
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
}
