/// One entry of the graph's change log: a record written at a revision.
public struct GraphChange: Sendable, Hashable {
    /// How the record changed.
    public enum Operation: String, Sendable, Hashable {
        case insert, update, delete
    }

    /// The revision the change made.
    public var revision: Int64
    /// The record kind.
    public var kind: RecordKind
    /// The record id.
    public var id: String
    /// What happened to it.
    public var op: Operation

    /// Creates a change.
    public init(revision: Int64, kind: RecordKind, id: String, op: Operation) {
        self.revision = revision
        self.kind = kind
        self.id = id
        self.op = op
    }
}
