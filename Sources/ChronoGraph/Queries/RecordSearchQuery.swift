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

    /// Creates a search; every filter is optional.
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

    /// Checks the text, kinds, window and limit, naming the offending parameter.
    public func validate() throws(ChronoError) {
        guard !SearchWords.of(self.text).isEmpty else {
            throw .invalidArgument("params.text: has no words to search for")
        }
        for (index, kind) in self.kinds.enumerated()
        where !Self.recordKinds.contains(kind) && EntityKind(rawValue: kind) == nil {
            throw .invalidArgument(
                "params.kinds[\(index)]: \"\(kind)\" is neither a record kind (\(Self.recordKinds.joined(separator: ", "))) nor an entity kind"
            )
        }
        guard Self.limits.contains(self.limit) else {
            throw .invalidArgument("params.limit: must be between 1 and 100, got \(self.limit)")
        }
        if let lower = self.from?.strict.lower, let upper = self.to?.strict.upper, lower > upper {
            throw .invalidArgument("params.to: window ends (\(upper.iso)) before it starts (\(lower.iso))")
        }
    }
}
