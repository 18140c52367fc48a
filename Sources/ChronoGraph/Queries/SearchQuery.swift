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

    /// Creates a search. The store trusts the values: `text` not blank, `limit` within `limits`, as
    /// `init(reading:)` checks.
    public init(text: String, kinds: [EntityKind] = [], limit: Int = 20) {
        self.text = text
        self.kinds = kinds
        self.limit = limit
    }

    /// Reads and checks the params of `Entity/Search`; unset params keep the defaults of `init`.
    public init(reading params: inout JSONObjectReader) throws(JSONFieldError) {
        try params.rejectUnknown(expecting: ["kinds", "limit", "text"])
        self.init(text: try params.string("text"))
        self.kinds = try params.choices("kinds", as: EntityKind.self)
        self.limit = try params.int("limit", in: Self.limits) ?? self.limit
    }
}
