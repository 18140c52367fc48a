/// The sort key of the last event of a page, as an opaque base64url token.
package struct TimelineCursor: Hashable {
    /// The strict lower bound (day ordinal, or the open-start sentinel).
    package var lower: Int64
    /// The precision rank.
    package var precision: Int
    /// The event id.
    package var id: String
    /// Whether the event is in the second group of a `certain_first` page (token prefix `v1p`).
    package var possible = false

    /// The position before every event.
    static let start = TimelineCursor(lower: Int64.min, precision: -1, id: "")

    /// Whether this place comes before `other` in timeline order: by lower bound, then precision, then id in
    /// UTF-8 byte order (SQLite's `ORDER BY lower, precision, id`).
    func precedes(_ other: TimelineCursor) -> Bool {
        if self.lower != other.lower { return self.lower < other.lower }
        if self.precision != other.precision { return self.precision < other.precision }
        return self.id.utf8.lexicographicallyPrecedes(other.id.utf8)
    }

    var token: String {
        CursorToken.encode("\(self.possible ? "v1p" : "v1")|\(self.lower)|\(self.precision)|\(self.id)")
    }

    package init(lower: Int64, precision: Int, id: String) {
        self.lower = lower
        self.precision = precision
        self.id = id
    }

    /// Decodes a token; any malformed token is `GraphError.invalidCursor`.
    init(token: String) throws(GraphError) {
        guard let text = CursorToken.decode(token, maximumLength: 1_024) else { throw .invalidCursor }
        let parts = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "v1" || parts[0] == "v1p", let lower = Int64(parts[1]),
            let precision = Int(parts[2]),
            (0...4).contains(precision), !parts[3].isEmpty
        else { throw .invalidCursor }
        self.init(lower: lower, precision: precision, id: String(parts[3]))
        self.possible = parts[0] == "v1p"
    }
}
