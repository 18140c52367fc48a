internal import ChronoGraph
internal import ChronoProtocol

/// A record the full-text index matched, before its details are read.
struct TextMatch {
    /// `entity`, `event`, `figure`, `dispute` or `relation`.
    var kind: String
    var id: String
    /// The record's row in the full-text index (0 for an exact name that the text does not match).
    var row: Int64
    /// The search words the record holds.
    var matched: [String]
    /// How many of `matched` it holds as typed (stemmed or as a prefix), not only through a typo or variant.
    var matchedAsTyped = 0
    /// How it matched: an exact id, name or alias, the text, or a word only through a typo or variant.
    var how: SearchHit.Match
    /// BM25 with column weights, as a positive number: higher is better. Past `exhaustiveSearchRows`
    /// matches, the summed column weights of the fields holding each word instead (see `textMatches`).
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
/// the names, and a prefix match when it is the last word and not a word of the index.
struct SearchTerm {
    var word: String
    /// The FTS5 phrases of the word, OR-ed in `expression`.
    var phrases: [String]
    /// Whether the expression adds variants because the word itself is found nowhere.
    var usesVariants: Bool

    var expression: String { self.phrases.joined(separator: " OR ") }
}

extension GraphReader {
    /// Column weights of `bm25`: owner kind and id are unindexed; then name, aliases, title, summary, claims.
    private static let columnWeights: [Double] = [0, 0, 10, 8, 5, 2, 1]
    private static let rank = "bm25(search, \(columnWeights.map { String($0) }.joined(separator: ", ")))"
    /// Up to this many matching rows, every match is ranked by BM25; past it, each scan of the bounded
    /// ranking reads at most this many (see `textMatches`). On the repository's graph (1,176 indexed
    /// records) only questions of its commonest words pass it; the question set scores the same at 500 or 2,000.
    static let maximumExhaustiveSearchRows = 500

    /// Records of `kinds` holding any of the words of `text`, best first (see `TextMatch.score`), at most
    /// `cap`; `namesOnly` matches entity names and aliases alone; `terms`, when given, are `text`'s
    /// (`searchTerms`), read once by a caller that also needs them for snippets.
    ///
    /// All words first, then most, then any: each row says which words it holds (`phrase_hits`). When at most
    /// `exhaustiveSearchRows` records match, all are ranked by BM25. Past that, the cost stays bounded as the
    /// graph grows (see `boundedMatches`).
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
            let scope = namesOnly ? "{name aliases} : " : ""
            let any = terms.map { "\(scope)(\($0.expression))" }.joined(separator: " OR ")
            let filter = Set(kinds).isSuperset(of: RecordSearchQuery.recordKinds) ? nil : kinds
            let probe = "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)"
            let count =
                try self.connection.cached(probe).first([.text(any), .int(self.exhaustiveSearchRows + 1)]) {
                    $0.int(0)
                } ?? 0
            let found =
                count <= self.exhaustiveSearchRows
                ? try self.rankedMatches(any, terms: terms, kinds: filter)
                : try self.boundedMatches(terms, scope: scope, kinds: filter, cap: cap)
            for match in found { matches[match.kind + "\u{0}" + match.id] = match }
        }
        try self.context.check()
        if kinds.contains("entity") {
            for (id, how) in exact {
                let key = "entity\u{0}" + id
                var match =
                    matches[key] ?? TextMatch(kind: "entity", id: id, row: 0, matched: [], how: how, relevance: 0)
                match.how = how
                matches[key] = match
            }
        }
        let ranked = matches.values.sorted { ($0.score, $1.kind, $1.id) > ($1.score, $0.kind, $0.id) }
        return Array(ranked.prefix(cap))
    }

    /// Every record of `kinds` (all when `nil`) matching `expression` (at most `exhaustiveSearchRows`), with
    /// its BM25 relevance; `textMatches` ranks them.
    private func rankedMatches(_ expression: String, terms: [SearchTerm], kinds: [String]?) throws -> [TextMatch] {
        let sql = """
            SELECT owner_kind, owner, rowid, \(Connection.phraseHits)(search), -\(Self.rank) FROM search
            WHERE search MATCH ?1 AND (?2 IS NULL OR owner_kind IN (SELECT value FROM json_each(?2)))
            """
        let kindList = try kinds.map { try Self.list($0) } ?? .null
        return try self.connection.cached(sql).map([.text(expression), kindList]) { row in
            let held = Self.words(held: row.text(3), terms: terms)
            return Self.match(kind: row.text(0), id: row.text(1), row: row.int64(2), held.matched, terms, row.double(4))
        }
    }

    /// The best `cap` records of `kinds` (all when `nil`) among bounded scans, for words too common to rank
    /// every match: the records holding every word, then those holding any, each read up to
    /// `exhaustiveSearchRows` in index order from the index alone. They rank by words held, then by the summed
    /// weights of the best field holding each (name 10, aliases 8, title 5, summary 2, claims 1); only then are
    /// the owners of the best rows read. (A scan restricted to some columns would read the words' whole posting
    /// lists to find the rows holding them there, so there is none; exact names and aliases are found apart.)
    private func boundedMatches(
        _ terms: [SearchTerm],
        scope: String,
        kinds: [String]?,
        cap: Int
    ) throws
        -> [TextMatch]
    {
        let any = terms.map { "\(scope)(\($0.expression))" }.joined(separator: " OR ")
        var scans = [any]
        if terms.count > 1 {
            scans.insert(terms.map { "\(scope)(\($0.expression))" }.joined(separator: " AND "), at: 0)
        }
        var held: [Int64: (matched: [Int], weight: Double)] = [:]
        let sql = "SELECT rowid, \(Connection.phraseHits)(search) FROM search WHERE search MATCH ? LIMIT ?"
        for scan in scans {
            try self.connection.cached(sql).run([.text(scan), .int(self.exhaustiveSearchRows)]) { row in
                let words = Self.words(held: row.text(1), terms: terms)
                let rowid = row.int64(0)
                if let known = held[rowid], (known.matched.count, known.weight) >= (words.matched.count, words.weight) {
                    return
                }
                held[rowid] = words
            }
            try self.context.check()
        }
        let ranked = held.sorted {
            ($0.value.matched.count, $0.value.weight, $1.key) > ($1.value.matched.count, $1.value.weight, $0.key)
        }
        var matches: [TextMatch] = []
        let owners = "SELECT rowid, owner_kind, owner FROM search WHERE rowid IN (SELECT value FROM json_each(?))"
        var start = 0
        while matches.count < cap, start < ranked.count {
            let chunk = ranked[start..<min(start + max(cap, 100), ranked.count)]
            start = chunk.endIndex
            var found: [Int64: (kind: String, id: String)] = [:]
            try self.connection.cached(owners).run([Self.list(chunk.map(\.key))]) { row in
                found[row.int64(0)] = (row.text(1), row.text(2))
            }
            for (rowid, words) in chunk {
                guard let owner = found[rowid], kinds?.contains(owner.kind) ?? true else { continue }
                matches.append(
                    Self.match(kind: owner.kind, id: owner.id, row: rowid, words.matched, terms, words.weight)
                )
            }
            try self.context.check()
        }
        return Array(matches.prefix(cap))
    }

    /// The indices of `terms` a row holds, from its `phrase_hits` digits, and the summed column weight of the
    /// best field holding each.
    private static func words(held hits: String, terms: [SearchTerm]) -> (matched: [Int], weight: Double) {
        let digits = Array(hits.utf8)
        var phrase = 0
        var matched: [Int] = []
        var weight = 0.0
        for (index, term) in terms.enumerated() {
            let columns = digits[min(phrase, digits.count)..<min(phrase + term.phrases.count, digits.count)]
                .filter { $0 != UInt8(ascii: "0") }.map { Int($0 - UInt8(ascii: "0")) }
            phrase += term.phrases.count
            guard let best = columns.min() else { continue }
            matched.append(index)
            weight += Self.columnWeights[best - 1]
        }
        return (matched, weight)
    }

    /// The match of a record holding the terms at indices `matched`, with its relevance.
    private static func match(
        kind: String,
        id: String,
        row: Int64,
        _ matched: [Int],
        _ terms: [SearchTerm],
        _ relevance: Double
    ) -> TextMatch {
        TextMatch(
            kind: kind,
            id: id,
            row: row,
            matched: matched.map { terms[$0].word },
            matchedAsTyped: matched.filter { !terms[$0].usesVariants }.count,
            how: matched.contains { terms[$0].usesVariants } ? .fuzzy : .text,
            relevance: relevance
        )
    }

    /// Snippets of the index rows `rows` for the search `terms`, matched words between `**`, by row.
    func snippets(_ rows: [Int64], terms: [SearchTerm]) throws -> [Int64: String] {
        guard !terms.isEmpty, !rows.isEmpty else { return [:] }
        var snippets: [Int64: String] = [:]
        try self.connection.cached(
            """
            SELECT rowid, snippet(search, -1, '**', '**', '…', 12) FROM search
            WHERE search MATCH ?1 AND rowid IN (SELECT value FROM json_each(?2))
            """
        ).run([
            .text(terms.map { "(\($0.expression))" }.joined(separator: " OR ")), try Self.list(rows.map(String.init)),
        ]) {
            row in snippets[row.int64(0)] = row.text(1)
        }
        return snippets
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

    /// The FTS5 phrases of `words`. The last word is also a prefix when the index holds no such word (one
    /// still being typed). A word of five letters or more that the index holds nowhere is widened by the
    /// name and alias words within its typo budget or sharing its transliteration key.
    func searchTerms(_ words: [String]) throws -> [SearchTerm] {
        var nameWords: Set<String>?
        return try words.enumerated().map { index, word in
            var phrases = ["\"\(word)\""]
            var holds = try self.indexHolds(phrases[0])
            if !holds && index == words.count - 1 {
                phrases = ["\"\(word)\"*"]
                holds = try self.indexHolds(phrases[0])
            }
            let budget = SearchWords.typoBudget(length: word.count)
            var usesVariants = false
            if budget > 0, !holds {
                if nameWords == nil { nameWords = try self.nameWords() }
                let variants = Self.variants(of: word, among: nameWords ?? [], budget: budget)
                phrases += variants.map { "\"\($0)\"" }
                usesVariants = !variants.isEmpty
            }
            return SearchTerm(word: word, phrases: phrases, usesVariants: usesVariants)
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
