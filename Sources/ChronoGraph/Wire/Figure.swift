/// A stated quantity on the wire: the stored record, with its subject expanded to a reference. The record's
/// fields read through (`figure.measure`).
@dynamicMemberLookup
public struct Figure: Sendable, Hashable {
    /// The stored figure (subject by id).
    public var record: FigureRecord
    /// The entity it is about, or `null`.
    public var subject: EntityRef?

    /// Creates a wire figure from its record and its subject as a reference.
    public init(_ record: FigureRecord, subject: EntityRef?) {
        self.record = record
        self.subject = subject
    }

    /// A field of the stored record.
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<FigureRecord, T>) -> T {
        get { self.record[keyPath: keyPath] }
        set { self.record[keyPath: keyPath] = newValue }
    }
}
