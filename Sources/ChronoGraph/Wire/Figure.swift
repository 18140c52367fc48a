/// A stated quantity on the wire.
public struct Figure: Sendable, Hashable, Encodable {
    /// The figure's slug.
    public var id: String
    /// The entity it is about, or `null`.
    public var subject: EntityRef?
    /// What is measured.
    public var measure: String
    /// The number.
    public var value: Double
    /// Exact, over, under, about or almost.
    public var qualifier: FigureQualifier
    /// The unit.
    public var unit: String
    /// The date or period, if any (omitted when absent).
    public var date: DateValue?
    /// Where it is stated.
    public var citations: [Citation]

    /// Creates a wire figure.
    public init(
        id: String,
        subject: EntityRef?,
        measure: String,
        value: Double,
        qualifier: FigureQualifier,
        unit: String,
        date: DateValue?,
        citations: [Citation]
    ) {
        self.id = id
        self.subject = subject
        self.measure = measure
        self.value = value
        self.qualifier = qualifier
        self.unit = unit
        self.date = date
        self.citations = citations
    }

    private enum CodingKeys: String, CodingKey { case id, subject, measure, value, qualifier, unit, date, citations }

    /// Encodes the wire form; `subject` is `null` when absent, an integral `value` is written as an integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)
        try container.encode(self.subject, forKey: .subject)
        try container.encode(self.measure, forKey: .measure)
        if self.value.rounded() == self.value, abs(self.value) < 9.0e15 {
            try container.encode(Int64(self.value), forKey: .value)
        } else {
            try container.encode(self.value, forKey: .value)
        }
        try container.encode(self.qualifier, forKey: .qualifier)
        try container.encode(self.unit, forKey: .unit)
        try container.encodeIfPresent(self.date, forKey: .date)
        try container.encode(self.citations, forKey: .citations)
    }
}
