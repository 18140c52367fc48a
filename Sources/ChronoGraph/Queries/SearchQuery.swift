public import ChronoProtocol

/// An entity search (`chrono.v1.Entity/Search`).
public struct SearchQuery: Sendable, Hashable {
    /// Allowed result counts.
    public static let limits = 1...100

    /// The text to look for: words are matched as prefixes; misspellings fall back to fuzzy name matching.
    public var text: String
    /// Only entities of these kinds (all when empty).
    public var kinds: [EntityKind]
    /// Result count, 1–100 (default 20).
    public var limit: Int

    /// Creates a search.
    public init(text: String, kinds: [EntityKind] = [], limit: Int = 20) {
        self.text = text
        self.kinds = kinds
        self.limit = limit
    }

    /// Checks the text and limit, naming the offending parameter.
    public func validate() throws(ChronoError) {
        guard !self.text.allSatisfy(\.isWhitespace) else { throw .invalidArgument("params.text: must not be empty") }
        try Self.limits.require(self.limit, parameter: "limit")
    }
}
