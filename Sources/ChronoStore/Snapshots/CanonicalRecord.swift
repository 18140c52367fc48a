public import ChronoGraph
public import ChronoProtocol

/// One record in canonical form: its kind, id and value; `line` is its canonical text.
public struct CanonicalRecord: Sendable, Hashable {
    /// The record kind.
    public var kind: RecordKind
    /// The record id.
    public var id: String
    /// The record as a JSON value.
    public var value: JSONValue

    /// Creates a canonical record.
    public init(kind: RecordKind, id: String, value: JSONValue) {
        self.kind = kind
        self.id = id
        self.value = value
    }

    /// The canonical text, without a newline.
    public var line: String { self.value.canonicalText }

    /// The key that orders and identifies records: kind, then id.
    public var key: RecordKey { RecordKey(kind: self.kind, id: self.id) }

    /// Whether id `a` sorts before `b` in the canonical order (by bytes, as Python sorts code points).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}

/// A record's identity: its kind and id.
public struct RecordKey: Sendable, Hashable, Comparable {
    /// The record kind.
    public var kind: RecordKind
    /// The record id.
    public var id: String

    /// Creates a key.
    public init(kind: RecordKind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// The canonical order: by kind, then by id bytes.
    public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : CanonicalRecord.precedes(lhs.id, rhs.id)
    }
}
