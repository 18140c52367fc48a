import ChronoGraph
import ChronoProtocol
import ChronoStorePostgres
import ChronoTesting
import Foundation
import PostgresNIO
import Testing

@testable import ChronoStore

/// The same graph served by SQLite's `LiveGraph` and by a `PostgresGraphService` on a fresh database, for
/// comparing what writes do on each.
struct ServicePair {
    let sqlite: LiveGraph
    let postgres: PostgresGraphService
    let database: TestDatabase
    let location: PostgresLocation

    /// Loads `graph` into both, runs `body`, then closes the service and drops the database.
    static func with<T>(graph: URL, _ body: (ServicePair) async throws -> T) async throws -> T {
        let directory = try TemporaryDirectory(prefix: "services")
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: graph).load(into: store)
        let sqlite = LiveGraph(store: store, scratchDirectory: directory.appending("scratch").path)
        return try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            try await PostgresGraphImport(directory: graph).load(into: database.worker)
            let location = try database.location()
            let postgres = try await PostgresGraphService.open(
                primary: location,
                replica: nil,
                scratchDirectory: directory.appending("pg-scratch").path
            )
            let result: Result<T, any Error>
            do {
                result = .success(
                    try await body(
                        ServicePair(sqlite: sqlite, postgres: postgres, database: database, location: location)
                    )
                )
            } catch {
                result = .failure(error)
            }
            await postgres.close()
            return try result.get()
        }
    }

    /// Every record's canonical line in SQLite.
    func sqliteRecords() async throws -> [CanonicalRecord] {
        try await self.sqlite.store.read(deadline: nil) { connection, _ in
            try RecordExporter(connection: connection).all()
        }
    }

    /// Every record's canonical line in PostgreSQL.
    func postgresRecords() async throws -> [CanonicalRecord] {
        try await self.database.worker.read(deadline: nil) { session in
            try RecordExporter(rows: PostgresRows(session: session)).all()
        }
    }

    /// SQLite's change log after `revision`, in (revision, kind, id) order.
    func sqliteLog(after revision: Int64) async throws -> [LogLine] {
        try await self.sqlite.store.read(deadline: nil) { connection, _ in
            try ChangeLog.entries(after: revision, connection).map {
                LogLine(revision: $0.revision, kind: $0.kind.rawValue, id: $0.id, op: $0.op.rawValue, before: $0.before)
            }
        }.sorted()
    }

    /// PostgreSQL's change log after `revision`, in (revision, kind, id) order.
    func postgresLog(after revision: Int64) async throws -> [LogLine] {
        try await self.database.worker.read(deadline: nil) { session in
            var binds = PostgresBindings()
            binds.append(revision)
            return try session.query(
                """
                SELECT c.revision, c.kind, c.id, c.op, i.before FROM changes c
                LEFT JOIN change_images i USING (revision, kind, id) WHERE c.revision > $1
                """,
                binds
            ).map { row in
                let (revision, kind, id, op, before) = try row.decode((Int64, String, String, String, String?).self)
                return LogLine(revision: revision, kind: kind, id: id, op: op, before: before)
            }
        }.sorted()
    }
}

/// One change log entry with its before-image.
struct LogLine: Hashable, Comparable, CustomStringConvertible {
    var revision: Int64
    var kind: String
    var id: String
    var op: String
    var before: String?

    static func < (a: LogLine, b: LogLine) -> Bool {
        if a.revision != b.revision { return a.revision < b.revision }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }

    var description: String { "r\(self.revision) \(self.op) \(self.kind) \(self.id) before \(self.before ?? "-")" }
}

extension TestDatabase {
    /// The database's location on the primary.
    func location() throws -> PostgresLocation {
        try PostgresLocation(parsing: PostgresTestServer.primary ?? "").with(database: self.name)
    }
}
