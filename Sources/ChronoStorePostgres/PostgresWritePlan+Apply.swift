internal import ChronoGraph
internal import ChronoStore
internal import PostgresNIO

extension PostgresWritePlan {
    /// The channel each commit is announced on (`NOTIFY`), with the revision as payload.
    static let channel = "chronograph_commits"

    /// Applies the write as revision `revision` inside the caller's transaction, which holds the writer lock
    /// and reads the state the plan was checked at: deletes the replaced and retracted records, inserts the
    /// upserts (`ImportTables`), logs every record whose canonical line changed with its line from before, and
    /// announces the revision at commit. Unchanged upserts are rewritten but neither counted nor logged.
    func apply(_ session: PostgresSession, revision: Int64) throws -> WriteReport {
        try self.delete(session)
        try ImportTables(self.upserts).write(session)
        let rows = PostgresRows(session: session)
        let keys = self.upserts.map { RecordKey(kind: $0.record.kind, id: $0.record.id) }
        let after = try RecordExporter(rows: rows).lines(keys)
        var changes = BulkInsert("changes", [("revision", "bigint"), ("kind", "text"), ("id", "text"), ("op", "text")])
        var images = BulkInsert(
            "change_images",
            [("revision", "bigint"), ("kind", "text"), ("id", "text"), ("before", "text")]
        )
        var report = WriteReport(revision: revision, inserted: 0, updated: 0, deleted: 0)
        let log = { (key: RecordKey, op: GraphChange.Operation, before: String?) in
            changes.append([.integer(revision), .text(key.kind.rawValue), .text(key.id), .text(op.rawValue)])
            images.append([.integer(revision), .text(key.kind.rawValue), .text(key.id), .nullable(before)])
        }
        for key in keys {
            switch self.before[key] {
            case .some(let old) where old == after[key]: continue
            case .some(let old):
                log(key, .update, old)
                report.updated += 1
            case .none:
                log(key, .insert, nil)
                report.inserted += 1
            }
        }
        for key in self.retracted.keys {
            log(key, .delete, self.before[key])
            report.deleted += 1
        }
        try changes.write(session)
        try images.write(session)
        var binds = PostgresBindings()
        binds.append(revision)
        binds.append(String(revision))
        try session.query(
            "WITH u AS (UPDATE meta SET value = $1 WHERE key = 'revision') SELECT pg_notify('\(Self.channel)', $2)",
            binds
        )
        return report
    }

    /// Deletes every record in `removed` with its parts (aliases, participants and claims by cascade).
    private func delete(_ session: PostgresSession) throws {
        let removed = self.removed
        guard !removed.isEmpty else { return }
        let rows = PostgresRows(session: session)
        let kinds = removed.map(\.kind.rawValue)
        let ids = removed.map(\.id)
        let disputes = removed.filter { $0.kind == .dispute }.map(\.id)
        _ = try rows.rows(
            "DELETE FROM search WHERE (owner_kind, owner) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
            [.texts(kinds), .texts(ids)]
        )
        // One set of owners joined to the primary key: an `OR` of the two sets would scan every citation.
        _ = try rows.rows(
            """
            DELETE FROM citations c USING (
                SELECT * FROM unnest($1::text[], $2::text[])
                UNION SELECT 'claim', dispute || '#' || position FROM claims WHERE dispute = ANY($3)
            ) k(owner_kind, owner)
            WHERE c.owner_kind = k.owner_kind AND c.owner = k.owner
            """,
            [.texts(kinds), .texts(ids), .texts(disputes)]
        )
        for (kind, keys) in Dictionary(grouping: removed, by: \.kind) {
            _ = try rows.rows("DELETE FROM \(kind.table) WHERE id = ANY($1)", [.texts(keys.map(\.id))])
        }
    }
}
