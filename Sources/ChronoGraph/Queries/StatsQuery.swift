public import ChronoProtocol

/// The graph's record counts (`chrono.v1.Stats/Get`); it takes no params.
public struct StatsQuery: Sendable, Hashable {
    /// Creates the query.
    public init() {}

    /// Reads the params of `Stats/Get`: none are allowed.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(expecting: [])
    }
}
