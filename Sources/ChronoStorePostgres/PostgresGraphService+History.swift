internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import PostgresNIO

extension PostgresGraphService {
    /// A read-only store holding the graph as it was at `revision`, rebuilt as `LiveGraph` rebuilds it
    /// (`ChangeLog.records(at:…)`, then `SnapshotDatabase.build` in the scratch directory) from the current
    /// records, the change log and the vocabulary read in one snapshot of the primary; cached per revision.
    ///
    /// - Throws: `GraphError` when that history has been compacted away, was logged without the earlier forms
    ///   it needs, or `revision` is in the future.
    package func reader(atRevision revision: Int64) async throws -> any GraphReading {
        let history = try await self.writer.read(deadline: nil) { session in
            try History(session, after: revision)
        }
        let past = try ChangeLog.records(
            at: revision,
            current: history.records,
            undoing: history.entries,
            currentRevision: history.revision,
            compacted: history.compacted
        )
        return try await self.pastStores.store(for: "revision-\(revision)") { path in
            try await SnapshotDatabase.build(
                path: path,
                records: CanonicalRecordList(past),
                revision: revision,
                vocabulary: history.vocabulary,
                label: "revision \(revision)"
            )
        }
    }
}

/// What rebuilding a past revision reads, from one snapshot.
private struct History: Sendable {
    var revision: Int64
    var compacted: Int64
    var records: [CanonicalRecord]
    /// The change log after the wanted revision, newest first (the order to undo it in).
    var entries: [ChangeLog.Entry]
    var vocabulary: [VocabularyRow]

    init(_ session: PostgresSession, after revision: Int64) throws {
        let rows = PostgresRows(session: session)
        self.revision = try rows.revision()
        self.compacted =
            try rows.rows("SELECT value FROM meta WHERE key = 'compacted'").first?.decode(Int64.self) ?? 0
        self.records = try RecordExporter(rows: rows).all()
        self.entries = try rows.rows(
            """
            SELECT c.revision, c.kind, c.id, c.op, i.before FROM changes c
            LEFT JOIN change_images i USING (revision, kind, id) WHERE c.revision > $1
            ORDER BY c.revision DESC, c.kind COLLATE "C", c.id COLLATE "C"
            """,
            [.bigint(revision)]
        ).map { row in
            let (revision, kind, id, op, before) = try row.decode((Int64, String, String, String, String?).self)
            return ChangeLog.Entry(
                revision: revision,
                kind: try RecordKind(stored: kind),
                id: id,
                op: try GraphChange.Operation(stored: op),
                before: before
            )
        }
        self.vocabulary = try rows.rows("SELECT section, term, meaning FROM vocabulary").map { row in
            let (section, term, meaning) = try row.decode((String, String, String).self)
            return VocabularyRow(section: section, term: term, meaning: meaning)
        }
    }
}
