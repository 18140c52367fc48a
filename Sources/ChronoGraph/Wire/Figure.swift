/// A stated quantity on the wire: the stored record, with its subject expanded to a reference. The record's
/// fields read through (`figure.measure`).
@dynamicMemberLookup
public struct Figure: Sendable, Hashable, Encodable {
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

    private enum CodingKeys: String, CodingKey {
        case id, subject, measure, value, high, qualifier, unit, date, citations
    }

    /// Encodes the wire form; `subject` is `null` when absent, `high` only for a range, and an integral number is
    /// written as an integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.record.id, forKey: .id)
        try container.encode(self.subject, forKey: .subject)
        try container.encode(self.record.measure, forKey: .measure)
        try container.encode(FigureValue(self.record.value), forKey: .value)
        try container.encodeIfPresent(self.record.high.map(FigureValue.init), forKey: .high)
        try container.encode(self.record.qualifier, forKey: .qualifier)
        try container.encode(self.record.unit, forKey: .unit)
        try container.encodeIfPresent(self.record.date, forKey: .date)
        try container.encode(self.record.citations, forKey: .citations)
    }
}
