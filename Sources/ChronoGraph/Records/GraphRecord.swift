/// One line of a `Graph/*.jsonl` file.
public enum GraphRecord: Sendable, Hashable {
    case document(DocumentRecord)
    case entity(EntityRecord)
    case event(EventRecord)
    case relation(RelationRecord)
    case dispute(DisputeRecord)
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

    /// The value of the record's `record` field (`entity`, `event`…).
    public var kind: String {
        switch self {
        case .document: "document"
        case .entity: "entity"
        case .event: "event"
        case .relation: "relation"
        case .dispute: "dispute"
        case .figure: "figure"
        }
    }
}
