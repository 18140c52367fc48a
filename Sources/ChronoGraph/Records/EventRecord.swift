/// One participant of an event as stored: an entity id and its role.
public struct ParticipantRecord: Sendable, Hashable {
    /// The entity's id.
    public var entity: String
    /// One of the vocabulary's `participant_roles`.
    public var role: String

    /// Creates a participant record.
    public init(entity: String, role: String) {
        self.entity = entity
        self.role = role
    }
}

/// A dated happening (`"record": "event"`).
public struct EventRecord: Sendable, Hashable {
    /// The stable slug.
    public var id: String
    /// One of the vocabulary's `event_types`.
    public var type: String
    /// A one-line title.
    public var title: String
    /// A summary in our own words.
    public var summary: String
    /// When it happened.
    public var date: DateValue
    /// Who and what took part.
    public var participants: [ParticipantRecord]
    /// Where the event is attested; never empty.
    public var citations: [Citation]

    /// Creates an event record.
    public init(
        id: String,
        type: String,
        title: String,
        summary: String = "",
        date: DateValue,
        participants: [ParticipantRecord],
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
