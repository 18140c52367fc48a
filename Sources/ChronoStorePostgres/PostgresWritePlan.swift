internal import ChronoGraph
internal import ChronoProtocol
internal import ChronoStore
internal import PostgresNIO

/// A client's write checked against one state of the database, the graph at `revision`: SQLite's `FactsWriter`
/// rules (the same checks in the same order, so the same `GraphError`s), read set-wise, a few statements per
/// write whatever its size.
///
/// Checking needs no lock: a plan made in a read snapshot stays valid while the revision it was made at is
/// still the newest, which `PostgresGraphService.write` confirms under the writer lock before `apply`.
struct PostgresWritePlan: Sendable {
    /// The revision the plan was checked at.
    let revision: Int64
    let upserts: [LocatedRecord]
    /// The retracted records, with the index of the (last) retraction naming each.
    let retracted: [RecordKey: Int]
    /// The canonical lines, before the write, of the stored records it replaces or retracts.
    let before: [RecordKey: String]

    /// Every record the write deletes: the retracted ones and the stored versions of the upserted ones.
    var removed: Set<RecordKey> {
        Set(self.upserts.map { RecordKey(kind: $0.record.kind, id: $0.record.id) }).union(self.retracted.keys)
    }

    /// Checks the write against the state `session` reads.
    ///
    /// - Throws: `GraphError.refusedRetraction` (unknown, also upserted, of several kinds, still referred to)
    ///   or `GraphError.refusedUpsert` (the validator's first problem, or a citation past a shortened
    ///   document), in `FactsWriter`'s order.
    static func check(_ session: PostgresSession, upserts: [LocatedRecord], retractions: [String]) throws -> Self {
        let rows = PostgresRows(session: session)
        let revision = try rows.revision()
        let upserted = Set(upserts.map(\.record.id))
        let kinds = try Self.kinds(of: retractions, rows)
        var retracted: [RecordKey: Int] = [:]
        for (index, id) in retractions.enumerated() {
            let kind = try WriteBatch.retractedKind(index: index, id: id, kinds: kinds[id] ?? [], upserted: upserted)
            retracted[RecordKey(kind: kind, id: id)] = index
        }
        let keys = Set(upserts.map { RecordKey(kind: $0.record.kind, id: $0.record.id) }).union(retracted.keys)
        let plan = Self(
            revision: revision,
            upserts: upserts,
            retracted: retracted,
            before: try RecordExporter(rows: rows).lines(keys)
        )
        do {
            let vocabulary = Vocabulary(
                storedRows: try rows.rows("SELECT section, term, meaning FROM vocabulary").map {
                    try $0.decode((String, String, String).self)
                }.map { (section: $0.0, term: $0.1, meaning: $0.2) }
            )
            let validator = GraphValidator(vocabulary: vocabulary)
            let content = try PrefetchedContent(for: upserts, validator: validator, removed: plan.removed, rows)
            try validator.validate(upserts, against: content)
            try plan.checkReferences(rows)
        } catch let error as GraphLoadError {
            throw WriteBatch.refusal(error)
        }
        return plan
    }

    /// The kinds of the stored records with each id, in `RecordEraser.kinds`'s order.
    private static func kinds(of ids: [String], _ rows: PostgresRows) throws -> [String: [RecordKind]] {
        guard !ids.isEmpty else { return [:] }
        let union = RecordKind.storageOrder.enumerated().map { rank, kind in
            "SELECT \(rank) AS rank, '\(kind.rawValue)' AS kind, id FROM \(kind.table) WHERE id = ANY($1)"
        }.joined(separator: " UNION ALL ")
        var kinds: [String: [RecordKind]] = [:]
        for row in try rows.rows("SELECT kind, id FROM (\(union)) k ORDER BY rank", [.texts(ids)]) {
            let (kind, id) = try row.decode((String, String).self)
            kinds[id, default: []].append(try RecordKind(stored: kind))
        }
        return kinds
    }

    /// `FactsWriter.checkReferences`, before the write: a retracted record still referred to by a record the
    /// write keeps (the first retraction by index, its first referrer by kind then text), then a stored
    /// citation past the end of an upserted document (the first such document, the first citation by owner).
    private func checkReferences(_ rows: PostgresRows) throws {
        let removed = self.removed
        let kept = { (kind: String, id: String) throws in
            !removed.contains(RecordKey(kind: try RecordKind(stored: kind), id: id))
        }
        if !self.retracted.isEmpty {
            var referrer: [String: String] = [:]
            for row in try rows.rows(Self.referrersSQL, [.texts(self.retracted.keys.map(\.id))]) {
                let (target, label, kind, id) = try row.decode((String, String, String, String).self)
                if referrer[target] == nil, try kept(kind, id) { referrer[target] = label }
            }
            for (key, index) in self.retracted.sorted(by: { $0.value < $1.value }) {
                guard let label = referrer[key.id] else { continue }
                throw GraphError.refusedRetraction(
                    index: index,
                    reason: .stillReferenced(kind: key.kind, id: key.id, by: label)
                )
            }
        }
        let documents = self.upserts.compactMap { located -> DocumentRecord? in
            if case .document(let document) = located.record { return document }
            return nil
        }
        guard !documents.isEmpty else { return }
        var beyond: [String: String] = [:]
        for row in try rows.rows(
            """
            SELECT c.doc, c.owner_kind || ' "' || c.owner || '"',
                CASE WHEN c.owner_kind = 'claim' THEN 'dispute' ELSE c.owner_kind END,
                CASE WHEN c.owner_kind = 'claim' THEN regexp_replace(c.owner, '#[0-9]+$', '') ELSE c.owner END
            FROM citations c JOIN unnest($1::text[], $2::bigint[]) d(id, lines) ON c.doc = d.id AND c.last > d.lines
            ORDER BY c.owner_kind COLLATE "C", c.owner COLLATE "C"
            """,
            [.texts(documents.map(\.id)), .bigints(documents.map { Int64($0.lines) })]
        ) {
            let (doc, label, kind, id) = try row.decode((String, String, String, String).self)
            if beyond[doc] == nil, try kept(kind, id) { beyond[doc] = label }
        }
        for located in self.upserts {
            guard case .document(let document) = located.record, let owner = beyond[document.id] else { continue }
            throw GraphLoadError(
                located.origin,
                message: "lines: \(owner) cites a line past \(document.lines) in \(document.id)"
            )
        }
    }

    /// Every record referring to one of the ids `$1`: (id, the referrer as `RecordEraser` names it, its kind,
    /// its id), ordered as `RecordEraser.danglingReference` orders them.
    private static let referrersSQL = """
        SELECT target, referrer, kind, id FROM (
            SELECT 1 AS rank, t.id AS target, 'event "' || e.id || '"' AS referrer, 'event' AS kind, e.id
            FROM unnest($1::text[]) t(id) JOIN participants p ON p.entity = t.id JOIN events e ON e.rowid = p.event
            UNION ALL SELECT 2, t.id, 'relation "' || r.id || '"', 'relation', r.id
            FROM unnest($1::text[]) t(id) JOIN relations r ON r.from_id = t.id OR r.to_id = t.id
            UNION ALL SELECT 3, t.id, 'dispute "' || d.id || '"', 'dispute', d.id
            FROM unnest($1::text[]) t(id) JOIN disputes d ON d.subject = t.id
            UNION ALL SELECT 4, t.id, 'figure "' || f.id || '"', 'figure', f.id
            FROM unnest($1::text[]) t(id) JOIN figures f ON f.subject = t.id
            UNION ALL SELECT 5, t.id, 'a citation of ' || c.owner_kind || ' "' || c.owner || '"',
                CASE WHEN c.owner_kind = 'claim' THEN 'dispute' ELSE c.owner_kind END,
                CASE WHEN c.owner_kind = 'claim' THEN regexp_replace(c.owner, '#[0-9]+$', '') ELSE c.owner END
            FROM unnest($1::text[]) t(id) JOIN citations c ON c.doc = t.id
        ) r ORDER BY rank, referrer COLLATE "C"
        """
}

extension RecordKind {
    /// The order `RecordEraser.kinds` lists the kinds of one id in.
    static let storageOrder: [RecordKind] = [.document, .entity, .event, .relation, .dispute, .figure]
}
