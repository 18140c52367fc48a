/// Turns user text into a safe FTS5 query: each word becomes a quoted prefix term, terms are ANDed.
///
/// No FTS5 syntax (operators, columns, `NEAR`, quotes) from the user survives: words are made of
/// letters and digits only, and are quoted.
enum FullTextQuery {
    /// The FTS5 query for `text`, or `nil` when it has no words.
    static func make(_ text: String) -> String? {
        let words = self.words(text)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    /// The letter-and-digit runs of `text`, at most 16 of them.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.prefix(16).map(String.init)
    }
}
