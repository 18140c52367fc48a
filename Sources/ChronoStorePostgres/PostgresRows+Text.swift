internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import PostgresNIO

/// Ranked search in PostgreSQL's own terms: the `search` table's `document` (a `tsvector` in the `chrono`
/// configuration, name A, aliases B, title C, summary and claims D) under its GIN index, each search term a
/// `tsquery` OR-ing its word (`phraseto_tsquery`, or `'word':*` as a prefix) and its variants.
///
/// A record's `TextMatch.row` is its `ctid` as `block * 65536 + offset` (never 0): stable within the one
/// snapshot its call reads, and only used there (for snippets).
extension PostgresRows {
    /// The `tsquery` of each term as `term(term, q)`, and of all OR-ed as `query(q)` (NULL when every word is a
    /// stop word); `$1`, `$2`, `$3` are each phrase's text, term index and whether it is a prefix.
    private static let termQueries = """
        WITH phrase AS (
            SELECT t.term, CASE WHEN t.prefix THEN to_tsquery('chrono', quote_literal(t.phrase) || ':*')
                ELSE phraseto_tsquery('chrono', t.phrase) END AS q
            FROM unnest($1::text[], $2::bigint[], $3::bool[]) t(phrase, term, prefix)
        ), term AS (
            SELECT term, string_agg('(' || q::text || ')', ' | ')::tsquery AS q FROM phrase WHERE numnode(q) > 0
            GROUP BY term
        ), query AS (SELECT string_agg('(' || q::text || ')', ' | ')::tsquery AS q FROM term)
        """
    /// `ts_rank_cd` weights of D (summary, claims), C (title), B (aliases), A (name): SQLite's BM25 column
    /// weights 2, 5, 8, 10, scaled.
    private static let weights = "'{0.2, 0.5, 0.8, 1.0}'"
    private static let row = "((s.ctid::text::point)[0]::bigint * 65536 + (s.ctid::text::point)[1]::bigint)"

    /// The phrases of `terms` as the three bound arrays of `termQueries`.
    private static func phrases(_ terms: [SearchTerm]) -> [PostgresValue] {
        var texts: [String] = []
        var indices: [Int64] = []
        var prefixes: [Bool] = []
        for (index, term) in terms.enumerated() {
            for (position, phrase) in ([term.word] + term.variants).enumerated() {
                texts.append(phrase)
                indices.append(Int64(index))
                prefixes.append(position == 0 && term.asPrefix)
            }
        }
        return [.texts(texts), .bigints(indices), .bools(prefixes)]
    }

    package func textIndexHolds(_ word: String, asPrefix: Bool) throws -> Bool {
        try self.rows(
            """
            SELECT EXISTS (SELECT 1 FROM search WHERE document @@ (CASE WHEN $2
                THEN to_tsquery('chrono', quote_literal($1) || ':*') ELSE phraseto_tsquery('chrono', $1) END))
            """,
            [.text(word), .bool(asPrefix)]
        ).first?.decode(Bool.self) ?? false
    }

    /// Every matching record is ranked (no bounded scans as SQLite's past its exhaustive bound): by the terms
    /// it holds (one `@@` per term), then by `ts_rank_cd`; `namesOnly` matches and ranks the name and alias
    /// lexemes alone (`ts_filter`). At most `cap` come back.
    package func textMatches(
        _ terms: [SearchTerm],
        kinds: [String]?,
        namesOnly: Bool,
        cap: Int
    ) throws
        -> [TextMatch]
    {
        var values = Self.phrases(terms) + [.bigint(Int64(cap))]
        var kindFilter = ""
        if let kinds {
            values.append(.texts(kinds))
            kindFilter = " AND s.owner_kind = ANY($5)"
        }
        let document = namesOnly ? "ts_filter(s.document, '{a,b}')" : "s.document"
        let sql = """
            \(Self.termQueries)
            SELECT owner_kind, owner, row, held, rank FROM (
                SELECT s.owner_kind, s.owner, \(Self.row) AS row,
                    ARRAY(SELECT t.term FROM term t WHERE x.d @@ t.q ORDER BY t.term) AS held,
                    ts_rank_cd(\(Self.weights), x.d, query.q, 1) AS rank
                FROM query, search s CROSS JOIN LATERAL (SELECT \(document)) x(d)
                WHERE s.document @@ query.q AND x.d @@ query.q\(kindFilter)
            ) m
            ORDER BY cardinality(held) DESC, rank DESC, owner_kind COLLATE "C", owner COLLATE "C" LIMIT $4
            """
        return try self.rows(sql, values).map { row in
            let (kind, id, key, held, rank) = try row.decode((String, String, Int64, [Int], Double).self)
            return TextMatch(kind: kind, id: id, row: key, holding: held, of: terms, relevance: rank)
        }
    }

    /// `ts_headline` of the first field holding a term (summary, title, claims, aliases, else the name), about
    /// a dozen words around the best match.
    package func snippets(_ rows: [Int64], terms: [SearchTerm]) throws -> [Int64: String] {
        guard !terms.isEmpty, !rows.isEmpty else { return [:] }
        func holds(_ field: String) -> String { "WHEN to_tsvector('chrono', s.\(field)) @@ query.q THEN s.\(field)" }
        let field = ["summary", "title", "claims", "aliases"].map(holds).joined(separator: " ")
        let sql = """
            \(Self.termQueries)
            SELECT r.row, ts_headline('chrono', CASE \(field) ELSE s.name END, query.q,
                'StartSel=**, StopSel=**, MaxWords=12, MinWords=6, MaxFragments=1')
            FROM query, unnest($4::bigint[]) r(row)
            JOIN search s ON s.ctid = format('(%s,%s)', r.row / 65536, r.row % 65536)::tid
            WHERE query.q IS NOT NULL
            """
        var snippets: [Int64: String] = [:]
        for row in try self.rows(sql, Self.phrases(terms) + [.bigints(rows)]) {
            let (key, snippet) = try row.decode((Int64, String).self)
            snippets[key] = snippet
        }
        return snippets
    }
}
