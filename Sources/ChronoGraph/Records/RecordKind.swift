/// The kinds of record a graph holds: the value of a `Graph/*.jsonl` line's `record` field, of a change's
/// `kind` and of a snapshot line's `record`.
///
/// Ordered by raw value, which is the canonical order of records in exports and snapshots.
public enum RecordKind: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case dispute, document, entity, event, figure, relation

    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
