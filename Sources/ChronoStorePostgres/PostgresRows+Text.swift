internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import Foundation
internal import PostgresNIO

/// Ranked search in PostgreSQL's own terms: the `search` table's `document` (a `tsvector` in the `chrono`
/// configuration, name A, aliases B, title C, summary and claims D) under its GIN index, each search term a
/// `tsquery` OR-ing its word (`phraseto_tsquery`, or `'word':*` as a prefix) and its variants.
///
/// A record's `TextMatch.row` is its `ctid` as `block * 65536 + offset` (never 0): stable within the one
/// snapshot its call reads, and only used there (for snippets).
extension PostgresRows {
    /// The `tsquery` of each phrase (`phrase(n, term, prefix, lexemes, q)`), of each term OR-ing its phrases
    /// (`term(term, q)`), and of all terms OR-ed (`query(q)`, NULL when no phrase has a word to index); `$1`, `$2`,
    /// `$3` are each phrase's text, term index and whether it is a prefix.
    private static let termQueries = """
        WITH phrase AS (
            SELECT t.n, t.term, t.prefix, ARRAY(SELECT lexeme FROM unnest(to_tsvector('chrono', t.phrase))) AS lexemes,
                CASE WHEN t.prefix THEN to_tsquery('chrono', quote_literal(t.phrase) || ':*')
                ELSE phraseto_tsquery('chrono', t.phrase) END AS q
            FROM unnest($1::text[], $2::bigint[], $3::bool[]) WITH ORDINALITY t(phrase, term, prefix, n)
        ), term AS (
            SELECT term, string_agg('(' || q::text || ')', ' | ')::tsquery AS q FROM phrase WHERE numnode(q) > 0
            GROUP BY term
        ), query AS (SELECT string_agg('(' || q::text || ')', ' | ')::tsquery AS q FROM term)
        """

    /// Relevance as SQLite's FTS5 `bm25` computes it (k1 1.2, b 0.75), from the same inputs in PostgreSQL's
    /// terms: each phrase's IDF over the rows it matches (`idf(n, prefix, lexemes, idf)`), the row's tokens
    /// against the average (`corpus(rows, average)`), and the phrase's hits weighted by field (name 10, aliases
    /// 8, title 5, summary and claims 2, as SQLite's column weights but for claims; a phrase of several words
    /// counts its least frequent word). Stems are Snowball's, not Porter's: close, not always equal. The
    /// corpus statistics are the maintained ones (`search_corpus`, see `PostgresSchema`), one row read by its
    /// key (so that the planner knows it is one row: a guess of many would price the ranking high enough for JIT
    /// compilation, which alone costs more than a second).
    private static func bm25Inputs(namesOnly: Bool) -> String {
        """
        corpus AS (
            SELECT rows::float8 AS rows, greatest(tokens::float8 / nullif(rows, 0)::float8, 1) AS average
            FROM search_corpus WHERE id = 1
        ), idf AS (
            SELECT p.n, p.prefix, p.lexemes, greatest(1e-6, ln((corpus.rows - c.hits + 0.5) / (c.hits + 0.5))) AS idf
            FROM phrase p, corpus,
            LATERAL (SELECT count(*)::float8 AS hits FROM search o WHERE o.document @@ p.q AND \(Self.document("o", namesOnly: namesOnly)) @@ p.q) c
            WHERE numnode(p.q) > 0
        )
        """
    }

    /// The lexemes of row `alias` a search matches: all, or with `namesOnly` those of its name and aliases.
    private static func document(_ alias: String, namesOnly: Bool) -> String {
        namesOnly ? "ts_filter(\(alias).document, '{a,b}')" : "\(alias).document"
    }
    private static let bm25 = """
        (SELECT coalesce(sum(i.idf * h.w * 2.2 / (h.w + 1.2 * (0.25 + 0.75 * x.tokens / corpus.average))), 0)
         FROM idf i CROSS JOIN LATERAL (
            SELECT coalesce(min((SELECT coalesce(sum(CASE w WHEN 'A' THEN 10 WHEN 'B' THEN 8 WHEN 'C' THEN 5 ELSE 2 END), 0)
                FROM unnest(x.d) u, unnest(u.weights) w
                WHERE CASE WHEN i.prefix THEN starts_with(u.lexeme, l) ELSE u.lexeme = l END)), 0)::float8 AS w
            FROM unnest(i.lexemes) l
         ) h WHERE h.w > 0)
        """

    /// `ts_headline` options: matches between `**`, 11 or 12 words as FTS5's 12-token snippets.
    private static let headline = "'StartSel=**, StopSel=**, MaxWords=12, MinWords=11'"
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

    /// As SQLiteRows ranks: when at most `TextMatch.exhaustiveRankingRows` records match, all of them by the
    /// terms they hold (one `@@` per term) and then BM25 (`bm25`); past that, those of two bounded scans in
    /// storage order (the rows holding every term, then any), by the terms held and the summed weights of the
    /// best field holding each. `namesOnly` matches the name and alias lexemes alone (`ts_filter`). At most
    /// `cap` come back.
    package func textMatches(
        _ terms: [SearchTerm],
        kinds: [String]?,
        namesOnly: Bool,
        cap: Int
    ) throws
        -> [TextMatch]
    {
        let bound = TextMatch.exhaustiveRankingRows
        let matching = """
            search s CROSS JOIN LATERAL (SELECT \(Self.document("s", namesOnly: namesOnly))) x(d)
            WHERE s.document @@ query.q AND x.d @@ query.q
            """
        let probe = "\(Self.termQueries) SELECT count(*) FROM (SELECT 1 FROM query, \(matching) LIMIT $4) c"
        let count = try self.rows(probe, Self.phrases(terms) + [.bigint(Int64(bound + 1))]).first?.decode(Int.self)
        var values = Self.phrases(terms) + [.bigint(Int64(cap))]
        var kindFilter = ""
        if let kinds {
            values.append(.texts(kinds))
            kindFilter = " AND s.owner_kind = ANY($5)"
        }
        let held = "ARRAY(SELECT t.term FROM term t WHERE x.d @@ t.q ORDER BY t.term)"
        let sql: String
        if let count, count <= bound {
            sql = """
                \(Self.termQueries), \(Self.bm25Inputs(namesOnly: namesOnly))
                SELECT owner_kind, owner, row, held, rank FROM (
                    SELECT s.owner_kind, s.owner, \(Self.row) AS row, \(held) AS held, \(Self.bm25) AS rank
                    FROM query, corpus, search s
                    CROSS JOIN LATERAL (SELECT \(Self.document("s", namesOnly: namesOnly)), chrono_tokens(s.document)::float8)
                        x(d, tokens)
                    WHERE s.document @@ query.q AND x.d @@ query.q\(kindFilter)
                ) m
                ORDER BY cardinality(held) DESC, rank DESC, owner_kind COLLATE "C", owner COLLATE "C" LIMIT $4
                """
        } else {
            // With one term, the rows holding every term are those holding any: one scan then, not the same twice.
            let any = "(SELECT s.ctid FROM query, \(matching) ORDER BY s.ctid LIMIT \(bound))"
            let scans =
                terms.count > 1
                ? """
                (SELECT s.ctid FROM query, \(matching) AND NOT EXISTS (SELECT 1 FROM term t WHERE NOT x.d @@ t.q)
                    ORDER BY s.ctid LIMIT \(bound))
                UNION \(any)
                """ : any
            sql = """
                \(Self.termQueries), scanned AS (\(scans))
                SELECT owner_kind, owner, row, held, rank FROM (
                    SELECT s.owner_kind, s.owner, \(Self.row) AS row, \(held) AS held,
                        (SELECT coalesce(sum(CASE WHEN ts_filter(x.d, '{a}') @@ t.q THEN 10
                            WHEN ts_filter(x.d, '{b}') @@ t.q THEN 8 WHEN ts_filter(x.d, '{c}') @@ t.q THEN 5 ELSE 2 END), 0)
                         FROM term t WHERE x.d @@ t.q)::float8 AS rank
                    FROM scanned JOIN search s ON s.ctid = scanned.ctid
                    CROSS JOIN LATERAL (SELECT \(Self.document("s", namesOnly: namesOnly))) x(d)
                    WHERE true\(kindFilter)
                ) m
                ORDER BY cardinality(held) DESC, rank DESC, row LIMIT $4
                """
        }
        return try self.rows(sql, values).map { row in
            let (kind, id, key, held, rank) = try row.decode((String, String, Int64, [Int], Double).self)
            return TextMatch(kind: kind, id: id, row: key, holding: held, of: terms, relevance: rank)
        }
    }

    /// Close to FTS5's `snippet`, not equal: the field holding the most search phrases (the first such of name,
    /// aliases, title, summary, claims), a dozen of its words around the matches (`ts_headline`), with `…` where
    /// the field goes on before or after them.
    package func snippets(_ rows: [Int64], terms: [SearchTerm]) throws -> [Int64: String] {
        guard !terms.isEmpty, !rows.isEmpty else { return [:] }
        let sql = """
            \(Self.termQueries)
            SELECT r.row, f.text, ts_headline('chrono', f.text, query.q, \(Self.headline))
            FROM query, unnest($4::bigint[]) r(row)
            JOIN search s ON s.ctid = format('(%s,%s)', r.row / 65536, r.row % 65536)::tid
            CROSS JOIN LATERAL (
                SELECT v.text FROM (VALUES (1, s.name), (2, s.aliases), (3, s.title), (4, s.summary), (5, s.claims)) v(n, text)
                ORDER BY (SELECT count(*) FROM phrase p WHERE numnode(p.q) > 0
                    AND to_tsvector('chrono', regexp_replace(v.text, '[^[:alnum:]]+', ' ', 'g')) @@ p.q) DESC, v.n
                LIMIT 1
            ) f
            WHERE query.q IS NOT NULL
            """
        var snippets: [Int64: String] = [:]
        for row in try self.rows(sql, Self.phrases(terms) + [.bigints(rows)]) {
            let (key, text, headline) = try row.decode((Int64, String, String).self)
            let plain = headline.split(separator: "**", omittingEmptySubsequences: false).joined()
            let field = text.trimmingCharacters(in: .whitespaces)
            snippets[key] = (field.hasPrefix(plain) ? "" : "…") + headline + (field.hasSuffix(plain) ? "" : "…")
        }
        return snippets
    }
}
