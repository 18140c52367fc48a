/// A participant of an event on the wire: the entity and its role.
public struct Participant: Sendable, Hashable {
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

/// An event with its participants and citations (the wire `Event`): the stored record, with each
/// participant's entity expanded to a reference. The record's fields read through (`event.title`).
@dynamicMemberLookup
public struct Event: Sendable, Hashable {
    /// The stored event (participants by id).
    public var record: EventRecord
    /// Who and what took part, in the order the graph lists them.
    public var participants: [Participant]
    /// Its group on a `certain_first` timeline page; `nil` elsewhere.
    public var group: TimelineGroup?

    /// Creates a wire event from its record and its participants as references.
    public init(_ record: EventRecord, participants: [Participant]) {
        self.record = record
        self.participants = participants
    }

    /// A field of the stored record.
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<EventRecord, T>) -> T {
        get { self.record[keyPath: keyPath] }
        set { self.record[keyPath: keyPath] = newValue }
    }
}
