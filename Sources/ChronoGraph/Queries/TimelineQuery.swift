public import ChronoProtocol

/// How a timeline window selects events.
public enum TimelineMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Events certainly in the window first, then those only possibly in it (the default).
    case certainFirst = "certain_first"
    /// Events whose fuzzy bounds meet the window: possibly in it.
    case overlaps
    /// Events whose strict bounds lie inside the window: certainly in it.
    case within
}

/// Which group of a `certain_first` timeline an event belongs to.
public enum TimelineGroup: String, Sendable, Hashable, Codable {
    /// Its strict bounds lie inside the window.
    case certain
    /// Its fuzzy bounds meet the window but its strict bounds do not lie inside it: open-ended, broad or fuzzy.
    case possible
}

/// A timeline query (`chrono.v1.Timeline/Query`).
public struct TimelineQuery: Sendable, Hashable {
    /// Allowed page sizes.
    public static let limits = 1...500

    /// Start of the window (its strict lower bound is used); `nil` is open.
    public var from: EDTFDate?
    /// End of the window (its strict upper bound is used); `nil` is open.
    public var to: EDTFDate?
    /// `certain_first` (default), `overlaps` or `within`.
    public var mode: TimelineMode
    /// Actor ids or names; an event matches when any of them takes part.
    public var actors: [String]
    /// Instrument ids or names; an event matches when any of them takes part.
    public var instruments: [String]
    /// Event types; an event matches when it has one of them.
    public var types: [String]
    /// Free text matched against titles and summaries.
    public var text: String?
    /// Page size, 1–500 (default 50).
    public var limit: Int
    /// The `next_cursor` of the previous page.
    public var cursor: String?

    /// Creates a query; every filter is optional. The store trusts the values: `limit` within `limits`, as
    /// `init(reading:)` checks.
    public init(
        from: EDTFDate? = nil,
        to: EDTFDate? = nil,
        mode: TimelineMode = .certainFirst,
        actors: [String] = [],
        instruments: [String] = [],
        types: [String] = [],
        text: String? = nil,
        limit: Int = 50,
        cursor: String? = nil
    ) {
        self.from = from
        self.to = to
        self.mode = mode
        self.actors = actors
        self.instruments = instruments
        self.types = types
        self.text = text
        self.limit = limit
        self.cursor = cursor
    }

    /// The params of `Timeline/Query`; `Timeline/Stream` takes the same but `limit` and `cursor`.
    public static let fields = ["actors", "cursor", "from", "instruments", "limit", "mode", "text", "to", "types"]

    /// Reads and checks the params of `Timeline/Query`, or of `Timeline/Stream` when not `paged` (no `limit` or
    /// `cursor`; pages of the largest size). Unset params keep the defaults of `init`.
    public init(reading params: inout JSONObjectReader, paged: Bool = true) throws(JSONFieldError) {
        let fields = paged ? Self.fields : Self.fields.filter { $0 != "limit" && $0 != "cursor" }
        try params.rejectUnknown(expecting: fields)
        self.init()
        if paged {
            self.limit = try params.int("limit", in: Self.limits) ?? self.limit
        } else {
            self.limit = Self.limits.upperBound
        }
        self.from = try params.date("from")
        self.to = try params.date("to")
        self.mode = try params.choice("mode", as: TimelineMode.self) ?? self.mode
        self.actors = try params.strings("actors")
        self.instruments = try params.strings("instruments")
        self.types = try params.strings("types")
        self.text = try params.optionalString("text", allowEmpty: true)
        if paged { self.cursor = try params.optionalString("cursor", allowEmpty: true) }
        try params.checkWindow(from: self.from, to: self.to)
    }
}
