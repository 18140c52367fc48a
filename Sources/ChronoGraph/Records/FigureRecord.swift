/// How a figure's value relates to the true quantity.
public enum FigureQualifier: String, Sendable, Hashable, Codable, CaseIterable {
    case exact, over, under, about, almost
}

/// A quantity stated in the documents (`"record": "figure"`).
public struct FigureRecord: Sendable, Hashable {
    /// The stable slug.
    public var id: String
    /// The id of the entity (or event or figure) the figure is about, if any.
    public var subject: String?
    /// What is measured.
    public var measure: String
    /// The number; the lower end when the documents give a range.
    public var value: Double
    /// The upper end of a range ("600,000-800,000"), above `value`; nil for a single number.
    public var high: Double?
    /// Exact, over, under, about or almost.
    public var qualifier: FigureQualifier
    /// The unit (`people`, `USD`, `percent`…).
    public var unit: String
    /// The date or period the figure refers to, if any.
    public var date: DateValue?
    /// Where the figure is stated; never empty.
    public var citations: [Citation]

    /// Creates a figure record.
    public init(
        id: String,
        subject: String?,
        measure: String,
        value: Double,
        high: Double? = nil,
        qualifier: FigureQualifier,
        unit: String,
        date: DateValue?,
        citations: [Citation]
    ) {
        self.id = id
        self.subject = subject
        self.measure = measure
        self.value = value
        self.high = high
        self.qualifier = qualifier
        self.unit = unit
        self.date = date
        self.citations = citations
    }
}
