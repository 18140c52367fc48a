internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// Disputes matching a filter, by id. See `GraphStore.disputes(_:deadline:)`.
    func disputes(_ query: DisputesQuery) throws -> DisputeList {
        let subject = try query.subject.map { try self.subject($0) }
        var ids = try self.connection.cached(
            "SELECT id FROM disputes WHERE (?1 IS NULL OR subject = ?1) ORDER BY id"
        ).map([.optionalText(subject?.id)]) { $0.text(0) }
        if let text = query.text { ids = try self.ranked(ids, text: text, kind: "dispute") }
        let disputes = try self.disputes(ids)
        return DisputeList(
            disputes: Array(disputes.prefix(query.limit)),
            resolved: subject?.resolved.map { [$0] } ?? [],
            revision: try self.revision()
        )
    }

    /// Figures matching a filter, by id. See `GraphStore.figures(_:deadline:)`.
    func figures(_ query: FiguresQuery) throws -> FigureList {
        let subject = try query.subject.map { try self.subject($0) }
        let window = Self.window(query.from, query.to)
        let ids = try self.connection.cached(
            """
            SELECT id FROM figures WHERE (?1 IS NULL OR subject = ?1)
            AND (?2 IS NULL OR (fuzzy_lower IS NOT NULL AND fuzzy_lower <= ?3 AND fuzzy_upper >= ?2)) ORDER BY id
            """
        ).map([
            .optionalText(subject?.id), window.map { .integer($0.lower) } ?? .null,
            window.map { .integer($0.upper) } ?? .null,
        ]) {
            $0.text(0)
        }
        let figures = try self.figures(try query.text.map { try self.ranked(ids, text: $0, kind: "figure") } ?? ids)
        return FigureList(
            figures: Array(figures.prefix(query.limit)),
            resolved: subject?.resolved.map { [$0] } ?? [],
            revision: try self.revision()
        )
    }

    /// The ids of `ids` among the best tier of the ranked search for `text` (see `bestTier`), best first.
    private func ranked(_ ids: [String], text: String, kind: String) throws -> [String] {
        guard !SearchWords.of(text).isEmpty else { return [] }
        let kept = Set(ids)
        return try self.bestTier(text, kind: kind).filter(kept.contains)
    }

    /// A subject filter: an event or figure id as is, otherwise an entity id, name or alias resolved to its id
    /// (with the resolution when `text` was a name).
    private func subject(_ text: String) throws -> (id: String, resolved: ResolvedName?) {
        let sql = "SELECT 1 FROM events WHERE id = ?1 UNION ALL SELECT 1 FROM figures WHERE id = ?1"
        if try self.connection.cached(sql).first([.text(text)], { _ in true }) == true {
            return (text, nil)
        }
        let ref = try self.resolve(text, as: .subject)
        return (ref.id, ResolvedName.listing([text], as: [ref]).first)
    }

    /// Counts of the graph. See `GraphStore.stats(deadline:)`.
    func stats() throws -> Stats {
        func count(_ sql: String) throws -> Int { try self.connection.cached(sql).first { $0.int(0) } ?? 0 }
        let counts = StatsCounts(
            entities: try count("SELECT count(*) FROM entities"),
            actors: try count("SELECT count(*) FROM entities WHERE family = 'actor'"),
            instruments: try count("SELECT count(*) FROM entities WHERE family = 'instrument'"),
            events: try count("SELECT count(*) FROM events"),
            relations: try count("SELECT count(*) FROM relations"),
            disputes: try count("SELECT count(*) FROM disputes"),
            figures: try count("SELECT count(*) FROM figures"),
            citations: try count("SELECT count(*) FROM citations"),
            documents: try count("SELECT count(*) FROM documents")
        )
        var byKind: [String: Int] = [:]
        try self.connection.cached("SELECT kind, count(*) FROM entities GROUP BY kind").run { row in
            byKind[row.text(0)] = row.int(1)
        }
        var byDocument: [String: Int] = [:]
        try self.connection.cached(
            "SELECT id, (SELECT count(*) FROM citations WHERE doc = documents.id) FROM documents"
        )
        .run { row in byDocument[row.text(0)] = row.int(1) }
        return Stats(
            revision: try self.revision(),
            schemaVersion: Schema.version,
            counts: counts,
            byKind: byKind,
            byDocument: byDocument
        )
    }
}
