public import ChronoProtocol

/// How a timeline window selects events.
public enum TimelineMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Events whose fuzzy bounds meet the window: possibly in it.
    case overlaps
    /// Events whose strict bounds lie inside the window: certainly in it.
    case within
}

/// A timeline query (`chrono.v1.Timeline/Query`).
public struct TimelineQuery: Sendable, Hashable {
    /// Allowed page sizes.
    public static let limits = 1...500

    /// Start of the window (its strict lower bound is used); `nil` is open.
    public var from: EDTFDate?
    /// End of the window (its strict upper bound is used); `nil` is open.
    public var to: EDTFDate?
    /// `overlaps` (default) or `within`.
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
        mode: TimelineMode = .overlaps,
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
