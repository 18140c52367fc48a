internal import ChronoGraph
internal import ChronoProtocol

extension SearchTerm {
    /// The FTS5 phrases of the term, OR-ed in `expression`: the word (or its prefix), then its variants.
    var phrases: [String] {
        [self.asPrefix ? "\"\(self.word)\"*" : "\"\(self.word)\""] + self.variants.map { "\"\($0)\"" }
    }

    var expression: String { self.phrases.joined(separator: " OR ") }
}

extension SQLiteRows {
    /// Column weights of `bm25`: owner kind and id are unindexed; then name, aliases, title, summary, claims.
    private static let columnWeights: [Double] = [0, 0, 10, 8, 5, 2, 1]
    private static let rank = "bm25(search, \(columnWeights.map { String($0) }.joined(separator: ", ")))"
    /// Up to this many matching rows, every match is ranked by BM25; past it, each scan of the bounded
    /// ranking reads at most this many (see `textMatches`). On the repository's graph (1,176 indexed
    /// records) only questions of its commonest words pass it; the question set scores the same at 500 or 2,000.
    static let maximumExhaustiveSearchRows = TextMatch.exhaustiveRankingRows

    /// All words first, then most, then any: each row says which words it holds (`phrase_hits`). When at most
    /// `exhaustiveSearchRows` records match, all are ranked by BM25. Past that, the cost stays bounded as the
    /// graph grows (see `boundedMatches`).
    func textMatches(_ terms: [SearchTerm], kinds: [String]?, namesOnly: Bool, cap: Int) throws -> [TextMatch] {
        let scope = namesOnly ? "{name aliases} : " : ""
        let any = terms.map { "\(scope)(\($0.expression))" }.joined(separator: " OR ")
        let probe = "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)"
        let count =
            try self.connection.cached(probe).first([.text(any), .int(self.exhaustiveSearchRows + 1)]) {
                $0.int(0)
            } ?? 0
        return count <= self.exhaustiveSearchRows
            ? try self.rankedMatches(any, terms: terms, kinds: kinds)
            : try self.boundedMatches(terms, scope: scope, kinds: kinds, cap: cap)
    }

    func textIndexHolds(_ word: String, asPrefix: Bool) throws -> Bool {
        let phrase = SearchTerm(word: word, asPrefix: asPrefix, variants: []).expression
        return try self.connection.cached("SELECT 1 FROM search WHERE search MATCH ? LIMIT 1").first([.text(phrase)]) {
            _ in true
        } ?? false
    }

    /// Every record of `kinds` (all when `nil`) matching `expression` (at most `exhaustiveSearchRows`), with
    /// its BM25 relevance; `textMatches` ranks them.
    private func rankedMatches(_ expression: String, terms: [SearchTerm], kinds: [String]?) throws -> [TextMatch] {
        let sql = """
            SELECT owner_kind, owner, rowid, \(Connection.phraseHits)(search), -\(Self.rank) FROM search
            WHERE search MATCH ?1 AND (?2 IS NULL OR owner_kind IN (SELECT value FROM json_each(?2)))
            """
        let kindList = kinds.map { SQLiteValue.jsonArray($0) } ?? .null
        return try self.connection.cached(sql).map([.text(expression), kindList]) { row in
            let held = Self.words(held: row.text(3), terms: terms)
            return TextMatch(
                kind: row.text(0),
                id: row.text(1),
                row: row.int64(2),
                holding: held.matched,
                of: terms,
                relevance: row.double(4)
            )
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
            try self.connection.cached(owners).run([.jsonArray(chunk.map(\.key))]) { row in
                found[row.int64(0)] = (row.text(1), row.text(2))
            }
            for (rowid, words) in chunk {
                guard let owner = found[rowid], kinds?.contains(owner.kind) ?? true else { continue }
                matches.append(
                    TextMatch(
                        kind: owner.kind,
                        id: owner.id,
                        row: rowid,
                        holding: words.matched,
                        of: terms,
                        relevance: words.weight
                    )
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

    func snippets(_ rows: [Int64], terms: [SearchTerm]) throws -> [Int64: String] {
        guard !terms.isEmpty, !rows.isEmpty else { return [:] }
        var snippets: [Int64: String] = [:]
        try self.connection.cached(
            """
            SELECT rowid, snippet(search, -1, '**', '**', '…', 12) FROM search
            WHERE search MATCH ?1 AND rowid IN (SELECT value FROM json_each(?2))
            """
        ).run([
            .text(terms.map { "(\($0.expression))" }.joined(separator: " OR ")), .jsonArray(rows),
        ]) {
            row in snippets[row.int64(0)] = row.text(1)
        }
        return snippets
    }
}
