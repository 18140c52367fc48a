/// One line of a `Graph/*.jsonl` file.
public enum GraphRecord: Sendable, Hashable {
    /// A `"record": "document"` line.
    case document(DocumentRecord)
    /// A `"record": "entity"` line.
    case entity(EntityRecord)
    /// A `"record": "event"` line.
    case event(EventRecord)
    /// A `"record": "relation"` line.
    case relation(RelationRecord)
    /// A `"record": "dispute"` line.
    case dispute(DisputeRecord)
    /// A `"record": "figure"` line.
    case figure(FigureRecord)

    /// The record's id.
    public var id: String {
        switch self {
        case .document(let record): record.id
        case .entity(let record): record.id
        case .event(let record): record.id
        case .relation(let record): record.id
        case .dispute(let record): record.id
        case .figure(let record): record.id
        }
    }

    /// The value of the record's `record` field.
    public var kind: RecordKind {
        switch self {
        case .document: .document
        case .entity: .entity
        case .event: .event
        case .relation: .relation
        case .dispute: .dispute
        case .figure: .figure
        }
    }
}
