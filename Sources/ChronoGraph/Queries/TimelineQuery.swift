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

    /// Creates a query; every filter is optional.
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

    /// Checks the limits, naming the offending parameter.
    public func validate() throws(ChronoError) {
        try Self.limits.require(self.limit, parameter: "limit")
        if let lower = self.from?.strict.lower, let upper = self.to?.strict.upper, lower > upper {
            throw .invalidArgument("params.to: window ends (\(upper.iso)) before it starts (\(lower.iso))")
        }
    }
}
