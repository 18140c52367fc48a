public import ChronoProtocol

/// A disputes listing (`chrono.v1.Disputes/List`).
public struct DisputesQuery: Sendable, Hashable {
    /// Allowed result counts.
    public static let limits = 1...1_000

    /// Only disputes about this entity, event or figure (an id, or an entity name or alias).
    public var subject: String?
    /// Only disputes whose topic or claims contain this text (case- and diacritics-insensitive).
    public var text: String?
    /// Result count, 1–1,000 (default 100).
    public var limit: Int

    /// Creates a query. The store trusts the values: `limit` within `limits`, as `init(reading:)` checks.
    public init(subject: String? = nil, text: String? = nil, limit: Int = 100) {
        self.subject = subject
        self.text = text
        self.limit = limit
    }

    /// Reads and checks the params of `Disputes/List`; unset params keep the defaults of `init`.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(expecting: ["limit", "subject", "text"])
        self.init()
        self.subject = try params.optionalString("subject", allowEmpty: true)
        self.text = try params.optionalString("text", allowEmpty: true)
        self.limit = try params.int("limit", in: Self.limits) ?? self.limit
    }
}

/// A figures listing (`chrono.v1.Figures/List`).
public struct FiguresQuery: Sendable, Hashable {
    /// Allowed result counts.
    public static let limits = 1...1_000

    /// Only figures about this entity (id, or name/alias).
    public var subject: String?
    /// Only figures whose measure or unit contains this text (case- and diacritics-insensitive).
    public var text: String?
    /// Only figures whose date's fuzzy bounds meet the window from here.
    public var from: EDTFDate?
    /// Only figures whose date's fuzzy bounds meet the window up to here.
    public var to: EDTFDate?
    /// Result count, 1–1,000 (default 100).
    public var limit: Int

    /// Creates a query. The store trusts the values: `limit` within `limits`, as `init(reading:)` checks.
    public init(
        subject: String? = nil,
        text: String? = nil,
        from: EDTFDate? = nil,
        to: EDTFDate? = nil,
        limit: Int = 100
    ) {
        self.subject = subject
        self.text = text
        self.from = from
        self.to = to
        self.limit = limit
    }

    /// Reads and checks the params of `Figures/List`; unset params keep the defaults of `init`.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(expecting: ["from", "limit", "subject", "text", "to"])
        self.init()
        self.subject = try params.optionalString("subject", allowEmpty: true)
        self.text = try params.optionalString("text", allowEmpty: true)
        self.from = try params.date("from")
        self.to = try params.date("to")
        self.limit = try params.int("limit", in: Self.limits) ?? self.limit
    }
}
