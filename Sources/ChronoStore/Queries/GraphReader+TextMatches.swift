package import ChronoGraph
internal import ChronoProtocol

/// A record the full-text index matched, before its details are read.
package struct TextMatch {
    /// `entity`, `event`, `figure`, `dispute` or `relation`.
    package var kind: String
    package var id: String
    /// The record's row in the full-text index (0 for an exact name that the text does not match).
    package var row: Int64
    /// The search words the record holds.
    package var matched: [String]
    /// How many of `matched` it holds as typed (stemmed or as a prefix), not only through a typo or variant.
    package var matchedAsTyped = 0
    /// How it matched: an exact id, name or alias, the text, or a word only through a typo or variant.
    package var how: SearchHit.Match
    /// How well the record matches its words, as the backend ranks (higher is better): SQLite's BM25 with
    /// column weights, or past its exhaustive bound the summed weights of the fields holding each word.
    package var relevance: Double

    /// Up to this many records matching a search, a backend ranks every one by its relevance (BM25); past it,
    /// only bounded scans of the matches, by the weights of the fields holding each word (see
    /// `GraphRows.textMatches`).
    package static let exhaustiveRankingRows = 500

    /// More matched words first, then relevance; an exact id, name or alias ranks above any text match.
    package var score: Double {
        let exact: Double =
            switch self.how {
            case .id: 20_000
            case .name: 10_000
            case .alias: 9_000
            case .text, .fuzzy: 0
            }
        return exact + Double(self.matched.count) * 100 + min(99, self.relevance)
    }

    /// The match of a record holding the words of `terms` at indices `held`.
    package init(kind: String, id: String, row: Int64, holding held: [Int], of terms: [SearchTerm], relevance: Double) {
        self.kind = kind
        self.id = id
        self.row = row
        self.matched = held.map { terms[$0].word }
        self.matchedAsTyped = held.filter { !terms[$0].usesVariants }.count
        self.how = held.contains { terms[$0].usesVariants } ? .fuzzy : .text
        self.relevance = relevance
    }

    /// An entity that the text names exactly, holding none of its words in the index.
    init(exactEntity id: String, how: SearchHit.Match) {
        self.kind = "entity"
        self.id = id
        self.row = 0
        self.matched = []
        self.how = how
        self.relevance = 0
    }
}

/// One search word as the text index is asked for it: the word itself (or, for the last word when no record
/// holds it, as a prefix of words still being typed) and its typo and transliteration variants among the names.
package struct SearchTerm {
    package var word: String
    /// Whether the word is matched as a prefix.
    package var asPrefix: Bool
    /// Name and alias words near the word, asked for too because the word itself is found nowhere.
    package var variants: [String]

    /// Whether matching the term may go through a variant rather than the word as typed.
    package var usesVariants: Bool { !self.variants.isEmpty }
}

extension GraphReader {
    /// Records of `kinds` holding any of the words of `text`, best first (see `TextMatch.score`), at most
    /// `cap`; `namesOnly` matches entity names and aliases alone; `terms`, when given, are `text`'s
    /// (`searchTerms`), read once by a caller that also needs them for snippets.
    ///
    /// Entities that the text names exactly (id, name or alias) rank first; then records by the words they hold
    /// and their relevance (`GraphRows.textMatches`).
    func textMatches(
        _ text: String,
        terms given: [SearchTerm]? = nil,
        kinds: [String],
        namesOnly: Bool = false,
        cap: Int = 500
    ) throws -> [TextMatch] {
        var matches: [String: TextMatch] = [:]
        let exact = try self.exactMatches(text)
        let terms = try given ?? self.searchTerms(SearchWords.of(text))
        if !terms.isEmpty {
            let filter = Set(kinds).isSuperset(of: RecordSearchQuery.recordKinds) ? nil : kinds
            for match in try self.rows.textMatches(terms, kinds: filter, namesOnly: namesOnly, cap: cap) {
                matches[match.kind + "\u{0}" + match.id] = match
            }
        }
        try self.context.check()
        if kinds.contains("entity") {
            for (id, how) in exact {
                let key = "entity\u{0}" + id
                var match = matches[key] ?? TextMatch(exactEntity: id, how: how)
                match.how = how
                matches[key] = match
            }
        }
        let ranked = matches.values.sorted { ($0.score, $1.kind, $1.id) > ($1.score, $0.kind, $0.id) }
        return Array(ranked.prefix(cap))
    }

    /// Entities that `text` names exactly: by id, by name or by an alias (case and diacritics folded).
    private func exactMatches(_ text: String) throws -> [String: SearchHit.Match] {
        var found: [String: SearchHit.Match] = [:]
        for (entity, isName) in try self.rows.entities(named: NameNormalizer.normalize(text)) {
            found[entity] = isName ? .name : .alias
        }
        if try self.ref(text) != nil { found[text] = .id }
        return found
    }

    /// The search terms of `words`. The last word is a prefix when the index holds no such word (one still
    /// being typed). A word of five letters or more that the index holds nowhere is widened by the name and
    /// alias words within its typo budget or sharing its transliteration key.
    func searchTerms(_ words: [String]) throws -> [SearchTerm] {
        var nameWords: Set<String>?
        return try words.enumerated().map { index, word in
            var term = SearchTerm(word: word, asPrefix: false, variants: [])
            var holds = try self.rows.textIndexHolds(word, asPrefix: false)
            if !holds && index == words.count - 1 {
                term.asPrefix = true
                holds = try self.rows.textIndexHolds(word, asPrefix: true)
            }
            let budget = SearchWords.typoBudget(length: word.count)
            if budget > 0, !holds {
                if nameWords == nil { nameWords = try self.nameWords() }
                term.variants = Self.variants(of: word, among: nameWords ?? [], budget: budget)
            }
            return term
        }
    }

    /// Every word of every entity name and alias.
    private func nameWords() throws -> Set<String> {
        var words: Set<String> = []
        try self.rows.forEachName { _, normalized in
            for word in normalized.split(separator: " ") where word.count >= 3 { words.insert(String(word)) }
        }
        return words
    }

    /// The at most five words of `candidates` nearest to `word`: same transliteration key first, then by
    /// edit distance within `budget`.
    static func variants(of word: String, among candidates: Set<String>, budget: Int) -> [String] {
        let key = NameVariants.foldSpelling(word)
        let letters = Array(word)
        let near = candidates.compactMap { candidate -> (String, Int)? in
            guard candidate != word else { return nil }
            if NameVariants.foldSpelling(candidate) == key { return (candidate, 0) }
            let distance = EditDistance.between(letters, Array(candidate), limit: budget)
            return distance <= budget ? (candidate, distance) : nil
        }
        return near.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(5).map(\.0)
    }
}

/// Levenshtein distance, stopping early once it exceeds a limit.
enum EditDistance {
    /// The edit distance between `a` and `b`, or `limit + 1` when it is larger than `limit`.
    static func between(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            var rowMinimum = current[0]
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j + 1])
            }
            if rowMinimum > limit { return limit + 1 }
            previous = current
        }
        return min(previous[b.count], limit + 1)
    }
}
