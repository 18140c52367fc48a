package import ChronoGraph
internal import ChronoProtocol

/// The change log: which records each commit changed, with the canonical record as it was before.
///
/// `changes` (schema version 1) names every record a commit touched and how; `change_images` keeps the
/// canonical line of each updated or deleted record as it stood before that revision, so the graph at an
/// older revision can be rebuilt by undoing newer commits. `meta.compacted` is the newest revision whose
/// history has been dropped: resuming from before it is `OUT_OF_RANGE`.
package enum ChangeLog {
    /// Schema migration 2: before-images, compaction floor and stored snapshots.
    static let migration = """
        CREATE TABLE change_images(
            revision INTEGER NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, before TEXT,
            PRIMARY KEY (revision, kind, id)
        ) WITHOUT ROWID;
        INSERT INTO meta(key, value) VALUES ('compacted', 0);
        CREATE TABLE snapshots(
            id TEXT PRIMARY KEY, revision INTEGER NOT NULL, created_ms INTEGER NOT NULL,
            manifest TEXT NOT NULL, data BLOB NOT NULL
        ) WITHOUT ROWID;
        """

    /// One logged change of one record.
    package struct Entry: Sendable, Hashable {
        /// The revision that made the change.
        package var revision: Int64
        /// The record kind.
        package var kind: RecordKind
        /// The record id.
        package var id: String
        /// What the change did to the record.
        package var op: GraphChange.Operation
        /// The canonical line before the change; `nil` for an insert.
        package var before: String?

        package init(revision: Int64, kind: RecordKind, id: String, op: GraphChange.Operation, before: String?) {
            (self.revision, self.kind, self.id, self.op, self.before) = (revision, kind, id, op, before)
        }
    }

    /// The records as they stood at `revision`, in canonical order: the `current` records (at
    /// `currentRevision`) with the logged changes after `revision` undone, `entries` newest first.
    ///
    /// - Throws: `GraphError` when that history has been compacted away (through `compacted`), was logged
    ///   without the earlier forms it needs, or `revision` is in the future; `DATA_LOSS` for a before-image that
    ///   is not JSON.
    package static func records(
        at revision: Int64,
        current records: [CanonicalRecord],
        undoing entries: [Entry],
        currentRevision: Int64,
        compacted: Int64
    ) throws -> [CanonicalRecord] {
        guard revision >= compacted else {
            throw GraphError.historyCompacted(revision: revision, compactedThrough: compacted)
        }
        guard revision <= currentRevision else {
            throw GraphError.revisionInFuture(revision: revision, current: currentRevision)
        }
        var state = Dictionary(records.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in entries {
            let key = RecordKey(kind: entry.kind, id: entry.id)
            if let before = entry.before {
                guard let value = JSONValue.parsing(before.utf8) else {
                    throw ChronoError.dataLoss(
                        "change log: the earlier form of \(entry.kind) \"\(entry.id)\" is not JSON"
                    )
                }
                state[key] = CanonicalRecord(kind: entry.kind, id: entry.id, value: value)
            } else if entry.op == .insert {
                state[key] = nil
            } else {
                throw GraphError.changeWithoutEarlierForm(kind: entry.kind, id: entry.id, revision: entry.revision)
            }
        }
        return state.values.sorted { $0.key < $1.key }
    }

    /// Logs that `kind`/`id` changed at `revision`, replacing any entry the same revision already made.
    static func record(
        _ connection: Connection,
        revision: Int64,
        kind: RecordKind,
        id: String,
        op: GraphChange.Operation,
        before: String?
    ) throws {
        try connection.cached("INSERT OR REPLACE INTO changes(revision, kind, id, op) VALUES (?, ?, ?, ?)")
            .run([.integer(revision), .text(kind.rawValue), .text(id), .text(op.rawValue)])
        try connection.cached("INSERT OR REPLACE INTO change_images(revision, kind, id, before) VALUES (?, ?, ?, ?)")
            .run([.integer(revision), .text(kind.rawValue), .text(id), .optionalText(before)])
    }

    /// Drops the log entry of `kind`/`id` at `revision` (a write that left the record as it was).
    static func forget(_ connection: Connection, revision: Int64, kind: RecordKind, id: String) throws {
        try connection.cached("DELETE FROM changes WHERE revision = ? AND kind = ? AND id = ?")
            .run([.integer(revision), .text(kind.rawValue), .text(id)])
        try connection.cached("DELETE FROM change_images WHERE revision = ? AND kind = ? AND id = ?")
            .run([.integer(revision), .text(kind.rawValue), .text(id)])
    }

    /// The newest revision whose history was compacted away (0 when none was).
    static func compacted(_ connection: Connection) throws -> Int64 {
        try connection.cached("SELECT value FROM meta WHERE key = 'compacted'").first { $0.int64(0) } ?? 0
    }

    /// Entries after `revision`, newest first (the order in which to undo them).
    static func entries(after revision: Int64, _ connection: Connection) throws -> [Entry] {
        try connection.cached(
            """
            SELECT c.revision, c.kind, c.id, c.op, i.before FROM changes c
            LEFT JOIN change_images i ON i.revision = c.revision AND i.kind = c.kind AND i.id = c.id
            WHERE c.revision > ? ORDER BY c.revision DESC, c.kind, c.id
            """
        ).map([.integer(revision)]) { row in
            Entry(
                revision: row.int64(0),
                kind: try RecordKind(stored: row.text(1)),
                id: row.text(2),
                op: try GraphChange.Operation(stored: row.text(3)),
                before: row.optionalText(4)
            )
        }
    }

    /// The change log's rows for the commits after `revision` through `newest`, at most `limit` of them
    /// (`StoreCaches.advance(to:changeLog:)` reads them).
    static func changes(
        after revision: Int64,
        through newest: Int64,
        limit: Int,
        _ connection: Connection
    ) throws -> [StoreCaches.LoggedChange] {
        try connection.cached("SELECT revision, kind, id FROM changes WHERE revision > ? AND revision <= ? LIMIT ?")
            .map([.integer(revision), .integer(newest), .int(limit)]) { row in
                (row.int64(0), try RecordKind(stored: row.text(1)), row.text(2))
            }
    }

    /// Drops the history up to and including `revision`; later resumes from before it get `OUT_OF_RANGE`.
    static func compact(through revision: Int64, _ connection: Connection) throws {
        try connection.cached("DELETE FROM changes WHERE revision <= ?").run([.integer(revision)])
        try connection.cached("DELETE FROM change_images WHERE revision <= ?").run([.integer(revision)])
        try connection.cached("UPDATE meta SET value = max(value, ?) WHERE key = 'compacted'").run([.integer(revision)])
    }
}
