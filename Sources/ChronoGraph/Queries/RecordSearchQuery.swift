public import ChronoProtocol

/// One ranked search over every record kind (`chrono.v1.Search/Query`).
public struct RecordSearchQuery: Sendable, Hashable {
    /// Allowed page sizes.
    public static let limits = 1...100
    /// The record kinds a search can be limited to; an entity kind (`person`, `law`…) also selects entities.
    public static let recordKinds = ["entity", "event", "figure", "dispute", "relation"]

    /// The words to look for, as a person types them.
    public var text: String
    /// Record kinds or entity kinds to keep (all when empty).
    public var kinds: [String]
    /// Keep only dated records whose date may fall on or after this date's first day.
    public var from: EDTFDate?
    /// Keep only dated records whose date may fall on or before this date's last day.
    public var to: EDTFDate?
    /// Keep only records citing this document.
    public var doc: String?
    /// Page size, 1–100 (default 20).
    public var limit: Int
    /// The `next_cursor` of the previous page.
    public var cursor: String?

    /// Creates a search; every filter is optional. The store trusts the values: `text` has words, `kinds` are
    /// known, `limit` within `limits`, as `init(reading:)` checks.
    public init(
        text: String,
        kinds: [String] = [],
        from: EDTFDate? = nil,
        to: EDTFDate? = nil,
        doc: String? = nil,
        limit: Int = 20,
        cursor: String? = nil
    ) {
        self.text = text
        self.kinds = kinds
        self.from = from
        self.to = to
        self.doc = doc
        self.limit = limit
        self.cursor = cursor
    }

    /// Reads and checks the params of `Search/Query`; unset params keep the defaults of `init`.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(expecting: ["cursor", "doc", "from", "kinds", "limit", "text", "to"])
        self.init(text: try params.string("text"))
        self.kinds = try params.strings("kinds")
        self.from = try params.date("from")
        self.to = try params.date("to")
        self.doc = try params.optionalString("doc", allowEmpty: true)
        self.limit = try params.int("limit", in: Self.limits) ?? self.limit
        self.cursor = try params.optionalString("cursor", allowEmpty: true)
        guard !SearchWords.of(self.text).isEmpty else {
            throw JSONFieldError(path: params.pathOf("text"), message: "has no words to search for")
        }
        for (index, kind) in self.kinds.enumerated()
        where !Self.recordKinds.contains(kind) && EntityKind(rawValue: kind) == nil {
            let recordKinds = Self.recordKinds.joined(separator: ", ")
            throw JSONFieldError(
                path: "\(params.pathOf("kinds"))[\(index)]",
                message: "\"\(kind)\" is neither a record kind (\(recordKinds)) nor an entity kind"
            )
        }
        try params.checkWindow(from: self.from, to: self.to)
    }
}
