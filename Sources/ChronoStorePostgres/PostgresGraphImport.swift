internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
package import Foundation
internal import PostgresNIO

/// Loads a `Graph/` directory into an empty, migrated PostgreSQL database as one commit: the same revision,
/// change log and content as ChronoStore's `GraphLoader` produces in SQLite, parsed and validated by
/// ChronoStore's own loader and validator, and written set-wise (`BulkInsert`).
///
/// The whole graph is parsed and validated in memory before the transaction opens (fine for graphs of the
/// repository's size; a streaming path, as SQLite has, is future work).
package struct PostgresGraphImport: Sendable {
    /// The `Graph/` directory.
    package let directory: URL

    package init(directory: URL) {
        self.directory = directory
    }

    /// Imports the graph in one transaction, at the revision after the database's (1 on a fresh database),
    /// then `ANALYZE`s the database, as PostgreSQL advises after a bulk load: until autovacuum gets to the new
    /// rows (a minute or more later) the planner would guess the tables' sizes, and a search plans about five
    /// times the work.
    ///
    /// - Throws: `GraphLoadError` naming the file and line of the first invalid record;
    ///   `ChronoError.failedPrecondition` when the database has no schema or already holds a graph. Nothing is
    ///   written then.
    @discardableResult
    package func load(into worker: PostgresConnectionWorker) async throws -> GraphLoader.Report {
        let loader = GraphLoader(directory: self.directory)
        let vocabulary = try loader.vocabulary()
        let records = try loader.records()
        try GraphValidator(vocabulary: vocabulary).validate(records, against: NothingStored())
        let hash = try loader.contentHash()
        var tables = try ImportTables(records)
        for row in GraphLoader.vocabularyRows(vocabulary) {
            tables.vocabulary.append([.text(row.section), .text(row.term), .text(row.meaning)])
        }
        let content = tables
        let report = try await worker.write(deadline: nil) { session in
            let stored = try session.query("SELECT value FROM meta WHERE key = 'revision' FOR UPDATE").first
            guard let previous = try stored?.decode(Int64.self) else {
                throw ChronoError.failedPrecondition("the PostgreSQL database has no Chronograph schema; migrate it")
            }
            guard try !Self.holdsGraph(session) else {
                throw ChronoError.failedPrecondition(
                    "the PostgreSQL database already holds a graph; import needs an empty one"
                )
            }
            let revision = previous + 1
            var binds = PostgresBindings()
            binds.append(revision)
            binds.append(hash)
            try session.query("UPDATE meta SET value = $1 WHERE key = 'revision'", binds)
            try session.query(
                """
                INSERT INTO graph_source(id, hash, revision) VALUES (1, $2, $1)
                ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, revision = excluded.revision
                """,
                binds
            )
            try content.write(session)
            try content.logInserts(session, revision: revision)
            return GraphLoader.Report(records: records.count, revision: revision)
        }
        try await worker.run(deadline: nil) { session in try session.query("ANALYZE") }
        return report
    }
}

extension PostgresGraphImport {
    /// Whether the database holds any record or vocabulary already.
    static func holdsGraph(_ session: PostgresSession) throws -> Bool {
        try session.query(
            """
            SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM entities)
                OR EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM vocabulary)
            """
        ).first?.decode(Bool.self) ?? false
    }
}

/// The validator's view of an empty database: nothing is stored.
private struct NothingStored: GraphContent {
    func contains(kind: RecordKind, id: String) -> Bool { false }
    func documentLines(_ id: String) -> Int? { nil }
}
