internal import ChronoGraph
internal import ChronoProtocol

/// A record the full-text index matched, before its details are read.
struct TextMatch {
    /// `entity`, `event`, `figure`, `dispute` or `relation`.
    var kind: String
    var id: String
    /// An excerpt with the matched words between `**`.
    var snippet: String
    /// The search words the record holds.
    var matched: [String]
    /// How many of `matched` it holds as typed (stemmed or as a prefix), not only through a typo or variant.
    var matchedAsTyped = 0
    /// How it matched: an exact id, name or alias, the text, or a word only through a typo or variant.
    var how: SearchHit.Match
    /// BM25 with column weights, as a positive number: higher is better.
    var relevance: Double

    /// More matched words first, then relevance; an exact id, name or alias ranks above any text match.
    var score: Double {
        let exact: Double =
            switch self.how {
            case .id: 20_000
            case .name: 10_000
            case .alias: 9_000
            case .text, .fuzzy: 0
            }
        return exact + Double(self.matched.count) * 100 + min(99, self.relevance)
    }
}

/// One search word as an FTS5 expression: the word itself, its typo and transliteration variants among
/// the names, and a prefix match when it is the last word.
struct SearchTerm {
    var word: String
    var expression: String
    /// Whether the expression adds variants because the word itself is found nowhere.
    var usesVariants: Bool
}

extension GraphReader {
    /// Column weights of `bm25`: owner kind and id are unindexed; then name, aliases, title, summary, claims.
    private static let rank = "bm25(search, 0, 0, 10.0, 8.0, 5.0, 2.0, 1.0)"

    /// Records of `kinds` holding any of the words of `text`, best first (see `TextMatch.score`), at most
    /// `cap` read from the index by BM25; `namesOnly` matches entity names and aliases alone.
    ///
    /// One OR query ranks by BM25; each word's own match is tested in the same statement, so a record with
    /// four of six words ranks above one with three: all words first, then most, then any.
    func textMatches(_ text: String, kinds: [String], namesOnly: Bool = false, cap: Int = 500) throws -> [TextMatch] {
        var matches: [String: TextMatch] = [:]
        let exact = try self.exactMatches(text)
        let terms = try self.searchTerms(SearchWords.of(text))
        if !terms.isEmpty {
            let scope = namesOnly ? "{name aliases} : " : ""
            let tests = terms.indices.map { "rowid IN (SELECT rowid FROM search WHERE search MATCH ?\($0 + 3))" }
            let sql = """
                SELECT owner_kind, owner, -\(Self.rank), snippet(search, -1, '**', '**', '…', 12), \
                \(tests.joined(separator: ", ")) FROM search
                WHERE search MATCH ?1 AND owner_kind IN (SELECT value FROM json_each(?2)) ORDER BY 3 DESC LIMIT \(cap)
                """
            let any = terms.map { "\(scope)(\($0.expression))" }.joined(separator: " OR ")
            let values: [SQLiteValue] =
                [.text(any), try Self.list(kinds)] + terms.map { .text("\(scope)(\($0.expression))") }
            try self.connection.cached(sql).run(values) { row in
                let matched = terms.indices.filter { row.int(4 + $0) != 0 }
                let how: SearchHit.Match = matched.contains { terms[$0].usesVariants } ? .fuzzy : .text
                let match = TextMatch(
                    kind: row.text(0),
                    id: row.text(1),
                    snippet: row.text(3),
                    matched: matched.map { terms[$0].word },
                    matchedAsTyped: matched.filter { !terms[$0].usesVariants }.count,
                    how: how,
                    relevance: row.double(2)
                )
                matches[match.kind + "\u{0}" + match.id] = match
            }
        }
        try self.context.check()
        if kinds.contains("entity") {
            for (id, how) in exact {
                let key = "entity\u{0}" + id
                var match =
                    matches[key] ?? TextMatch(kind: "entity", id: id, snippet: "", matched: [], how: how, relevance: 0)
                match.how = how
                matches[key] = match
            }
        }
        return matches.values.sorted { ($0.score, $1.kind, $1.id) > ($1.score, $0.kind, $0.id) }
    }

    /// Entities that `text` names exactly: by id, by name or by an alias (case and diacritics folded).
    private func exactMatches(_ text: String) throws -> [String: SearchHit.Match] {
        var found: [String: SearchHit.Match] = [:]
        try self.connection.cached("SELECT entity, position FROM aliases WHERE normalized = ?")
            .run([.text(NameNormalizer.normalize(text))]) { row in
                let how: SearchHit.Match = row.int(1) == 0 ? .name : .alias
                if found[row.text(0)] != .name { found[row.text(0)] = how }
            }
        if try self.ref(text) != nil { found[text] = .id }
        return found
    }

    /// The FTS5 expressions of `words`. A word of five letters or more that the index holds nowhere is
    /// widened by the name and alias words within its typo budget or sharing its transliteration key.
    func searchTerms(_ words: [String]) throws -> [SearchTerm] {
        var nameWords: Set<String>?
        return try words.enumerated().map { index, word in
            let suffix = index == words.count - 1 ? "*" : ""
            var alternatives = ["\"\(word)\"\(suffix)"]
            let budget = SearchWords.typoBudget(length: word.count)
            var usesVariants = false
            if budget > 0, try !self.indexHolds(alternatives[0]) {
                if nameWords == nil { nameWords = try self.nameWords() }
                let variants = Self.variants(of: word, among: nameWords ?? [], budget: budget)
                alternatives += variants.map { "\"\($0)\"" }
                usesVariants = !variants.isEmpty
            }
            return SearchTerm(
                word: word,
                expression: alternatives.joined(separator: " OR "),
                usesVariants: usesVariants
            )
        }
    }

    /// Whether any record matches the FTS5 `expression`.
    private func indexHolds(_ expression: String) throws -> Bool {
        try self.connection.cached("SELECT 1 FROM search WHERE search MATCH ? LIMIT 1").first([.text(expression)]) {
            _ in true
        } ?? false
    }

    /// Every word of every entity name and alias.
    private func nameWords() throws -> Set<String> {
        var words: Set<String> = []
        try self.connection.cached("SELECT DISTINCT normalized FROM aliases").run { row in
            for word in row.text(0).split(separator: " ") where word.count >= 3 { words.insert(String(word)) }
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
