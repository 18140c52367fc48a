internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// Ranked entities for a text. See `GraphStore.search(_:deadline:)`.
    func search(_ query: SearchQuery) throws -> SearchResults {
        try query.validate()
        var hits: [String: (score: Double, matched: SearchHit.Match)] = [:]
        func offer(_ id: String, _ score: Double, _ matched: SearchHit.Match) {
            if (hits[id]?.score ?? -1) < score { hits[id] = (score, matched) }
        }
        if try self.ref(query.text) != nil { offer(query.text, 1_000, .id) }
        let normalized = NameNormalizer.normalize(query.text)
        try self.connection.cached("SELECT entity, position FROM aliases WHERE normalized = ?").run([.text(normalized)])
        {
            row in offer(row.text(0), row.int(1) == 0 ? 900 : 800, row.int(1) == 0 ? .name : .alias)
        }
        if let match = FullTextQuery.make(query.text) {
            // bm25 is negative, better matches lower; names weigh most, then aliases, then summaries.
            try self.connection.cached(
                """
                SELECT owner, bm25(search, 0, 0, 10.0, 5.0, 1.0) FROM search
                WHERE search MATCH ? AND owner_kind = 'entity' ORDER BY 2 LIMIT 200
                """
            ).run([.text(match)]) { row in offer(row.text(0), 100 + min(699, -row.double(1)), .text) }
        }
        try self.context.check()
        if hits.isEmpty { try self.fuzzy(normalized, offer: offer) }
        let refs = try self.refs(hits.keys)
        let kinds = Set(query.kinds)
        let ranked = hits.compactMap { id, hit -> (EntityRef, Double, SearchHit.Match)? in
            guard let ref = refs[id], kinds.isEmpty || kinds.contains(ref.kind) else { return nil }
            return (ref, hit.score, hit.matched)
        }
        .sorted { ($1.1, $0.0.id) < ($0.1, $1.0.id) }
        .prefix(query.limit)
        var summaries: [String: String] = [:]
        try self.connection.cached("SELECT id, summary FROM entities WHERE id IN (SELECT value FROM json_each(?))")
            .run([try Self.list(ranked.map(\.0.id))]) { row in summaries[row.text(0)] = row.text(1) }
        let results = ranked.map {
            SearchHit(entity: $0.0, summary: summaries[$0.0.id] ?? "", score: $0.1, matched: $0.2)
        }
        return SearchResults(results: results, revision: try self.revision())
    }

    /// Offers entities whose name or alias (or a run of its words as long as the query) is within a
    /// small edit distance of `normalized`: about one edit per four characters. Scores lie in (0, 100).
    private func fuzzy(_ normalized: String, offer: (String, Double, SearchHit.Match) -> Void) throws {
        let query = Array(normalized)
        guard query.count >= 3 else { return }
        let wordCount = normalized.split(separator: " ").count
        let allowed = max(1, query.count / 4)
        var scanned = 0
        try self.connection.cached("SELECT entity, normalized FROM aliases").run { row in
            scanned += 1
            if scanned % 1_024 == 0 { try self.context.check() }
            let words = row.text(1).split(separator: " ")
            var best = Int.max
            for start in 0..<max(1, words.count - wordCount + 1) {
                let candidate = Array(words[start..<min(words.count, start + wordCount)].joined(separator: " "))
                best = min(best, EditDistance.between(query, candidate, limit: allowed))
            }
            if best <= allowed { offer(row.text(0), 100 * (1 - Double(best) / Double(query.count + 1)), .fuzzy) }
        }
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
