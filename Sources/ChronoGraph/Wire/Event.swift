/// A participant of an event on the wire: the entity and its role.
public struct Participant: Sendable, Hashable, Encodable {
    /// The participating entity.
    public var entity: EntityRef
    /// Its role (`agent`, `target`…).
    public var role: String

    /// Creates a participant.
    public init(entity: EntityRef, role: String) {
        self.entity = entity
        self.role = role
    }
}

/// An event with its participants and citations (the wire `Event`).
public struct Event: Sendable, Hashable, Encodable {
    /// The event's slug.
    public var id: String
    /// Its event type.
    public var type: String
    /// A one-line title.
    public var title: String
    /// A summary in our own words.
    public var summary: String
    /// When it happened.
    public var date: DateValue
    /// Who and what took part, in the order the graph lists them.
    public var participants: [Participant]
    /// Where it is attested.
    public var citations: [Citation]

    /// Creates a wire event.
    public init(
        id: String,
        type: String,
        title: String,
        summary: String,
        date: DateValue,
        participants: [Participant],
        citations: [Citation]
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.summary = summary
        self.date = date
        self.participants = participants
        self.citations = citations
    }
}
