/// The benchmark's queries with the best plain SQL: the floor the daemon is measured against.
extension FloorConnection {
    /// Answers one request.
    func answer(_ request: FloorRequest) throws(FloorError) -> FloorAnswer {
        switch request {
        case .health:
            var revision: Int64 = 0
            try self.statement("SELECT value FROM meta WHERE key = 'revision'").run([]) { row in revision = row.int64(0)
            }
            return .revision(revision)
        case .timeline(let lower, let upper, let limit):
            return .events(try self.events(try self.window(lower: lower, upper: upper, limit: limit)))
        case .actorTimeline(let actor, let limit):
            var rowids: [Int64] = []
            try self.statement(
                """
                SELECT e.rowid FROM participants p JOIN events e ON e.rowid = p.event WHERE p.entity = ?
                GROUP BY e.rowid ORDER BY e.lower, e.precision, e.id LIMIT ?
                """
            ).run([.text(actor), .integer(Int64(limit))]) { row in rowids.append(row.int64(0)) }
            return .events(try self.events(rowids))
        case .search(let text, let limit):
            return .search(try self.search(text, limit: limit))
        case .find(let text, let limit):
            return .records(try self.find(text, limit: limit))
        case .neighbors(let root, let depth, let limit):
            return try self.neighbors(root: root, depth: depth, limit: limit)
        case .path(let from, let to, let maxDepth):
            return try self.path(from: from, to: to, maxDepth: maxDepth)
        }
    }

    /// The first `limit` events (by lower, precision, id) whose fuzzy span meets the window.
    ///
    /// Events of span class `c` span at most `2^c` days, so one that meets the window has its lower bound
    /// within `2^c` days of it: each present class is one bounded slice of `events_span`, read in order and
    /// cut at the page size; the slices are merged.
    ///
    /// Events with an open start sort before all others; when they alone fill the page, they are the page.
    func window(lower: Int64, upper: Int64, limit: Int) throws(FloorError) -> [Int64] {
        var rowids: [Int64] = []
        try self.statement(
            """
            SELECT rowid FROM events WHERE lower = -1125899906842624 AND fuzzy_lower <= ?2 AND fuzzy_upper >= ?1
            ORDER BY lower, precision, id LIMIT ?3
            """
        ).run([.integer(lower), .integer(upper), .integer(Int64(limit))]) { row in rowids.append(row.int64(0)) }
        if rowids.count >= limit { return rowids }
        rowids = []
        let slices = self.spanClasses.map { spanClass in
            let reach = Int64(1) << spanClass
            return """
                SELECT * FROM (SELECT rowid, lower, precision, id FROM events WHERE span_class = \(spanClass) \
                AND lower BETWEEN ?1 - \(reach) AND ?2 + \(reach) AND fuzzy_lower <= ?2 AND fuzzy_upper >= ?1 \
                ORDER BY lower, precision, id LIMIT ?3)
                """
        }
        let sql = slices.joined(separator: " UNION ALL ") + " ORDER BY lower, precision, id LIMIT ?3"
        try self.statement(sql).run([.integer(lower), .integer(upper), .integer(Int64(limit))]) { row in
            rowids.append(row.int64(0))
        }
        return rowids
    }

    /// As the store ranks: exact id, exact name or alias, then FTS5 terms (see `phrases`) by weighted bm25.
    func search(_ text: String, limit: Int) throws(FloorError) -> [(ref: FloorRef, summary: String)] {
        var hits: [String: Double] = [:]
        func offer(_ id: String, _ score: Double) { if (hits[id] ?? -1) < score { hits[id] = score } }
        if try self.ref(text) != nil { offer(text, 1_000) }
        try self.statement("SELECT entity, position FROM aliases WHERE normalized = ?").run([.text(text.lowercased())])
        { row in offer(row.text(0), row.int64(1) == 0 ? 900 : 800) }
        let words = text.split { !($0.isLetter || $0.isNumber) }.prefix(16)
        if !words.isEmpty {
            try self.statement(
                """
                SELECT owner, bm25(search, 0, 0, 10.0, 5.0, 1.0) FROM search
                WHERE search MATCH ? AND owner_kind = 'entity' ORDER BY 2 LIMIT 200
                """
            ).run([.text(try self.phrases(words.map(String.init)).joined(separator: " "))]) { row in
                offer(row.text(0), 100 + min(699, -row.double(1)))
            }
        }
        let ranked = hits.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit)
        let summary = try self.statement("SELECT kind, name, summary FROM entities WHERE id = ?")
        var results: [(ref: FloorRef, summary: String)] = []
        for (id, _) in ranked {
            try summary.run([.text(id)]) { row in
                results.append((FloorRef(id: id, kind: row.text(0), name: row.text(1)), row.text(2)))
            }
        }
        return results
    }

    /// The FTS5 phrases of `words` as the store reads them: the last is a prefix when the index holds no such
    /// word (one still being typed).
    func phrases(_ words: [String]) throws(FloorError) -> [String] {
        var phrases = words.map { "\"\($0)\"" }
        if let last = phrases.last {
            var holds = false
            try self.statement("SELECT 1 FROM search WHERE search MATCH ? LIMIT 1").run([.text(last)]) { _ in
                holds = true
            }
            if !holds { phrases[phrases.count - 1] = last + "*" }
        }
        return phrases
    }

    /// What plain FTS5 answers for a question: any of its words (the last as the store reads it), every match
    /// ranked by BM25 with the store's column weights (name, aliases, title, summary, claims), the best
    /// `limit` with their snippets.
    func find(_ text: String, limit: Int) throws(FloorError) -> [(key: String, snippet: String)] {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(12)
        guard !words.isEmpty else { return [] }
        let expression = try self.phrases(words.map(String.init)).joined(separator: " OR ")
        var hits: [(key: String, snippet: String)] = []
        try self.statement(
            """
            SELECT owner_kind, owner, snippet(search, -1, '**', '**', '…', 12) FROM search WHERE search MATCH ?
            ORDER BY bm25(search, 0, 0, 10.0, 8.0, 5.0, 2.0, 1.0) LIMIT ?
            """
        ).run([.text(expression), .integer(Int64(limit))]) { row in
            hits.append((row.text(0) + ":" + row.text(1), row.text(2)))
        }
        return hits
    }
}
