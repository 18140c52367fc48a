import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoStorePostgres
import ChronoTesting
import Foundation
import PostgresNIO
import Testing

@Suite("PostgreSQL graph import", .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped))
struct PostgresGraphImportTests {
    @Test func theRepositoryGraphCountsAsInSQLite() async throws {
        let graph = Repository.url("Graph")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sqlite = try await GraphStore.open(path: directory.databasePath)
        let sqliteReport = try await GraphLoader(directory: graph).load(into: sqlite)
        let expected = try await sqlite.run(StatsQuery())
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            let report = try await PostgresGraphImport(directory: graph).load(into: database.worker)
            #expect(report == sqliteReport)
            let stored = try await database.worker.read(deadline: nil) { try StoredCounts(session: $0) }
            #expect(stored.revision == expected.revision)
            #expect(stored.counts == expected.counts)
            #expect(stored.byKind == expected.byKind)
            #expect(stored.byDocument == expected.byDocument)
            #expect(stored.changes == report.records)
            #expect(stored.source?.hash == (try GraphLoader(directory: graph).contentHash()))
            #expect(stored.source?.revision == report.revision)
        }
    }

    @Test(.enabled(if: PostgresTestServer.replica != nil, "CHRONO_TEST_POSTGRES_REPLICA is not set"))
    func theReplicaServesTheImportOnceItHasReplayedIt() async throws {
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            let report = try await PostgresGraphImport(directory: Repository.url("Graph")).load(into: database.worker)
            let primary = try await database.worker.read(deadline: nil) { try StoredCounts(session: $0) }
            let replica = try PostgresLocation(parsing: PostgresTestServer.replica ?? "").with(database: database.name)
            let giveUp = ContinuousClock.now + .seconds(20)
            var seen: StoredCounts?
            while seen?.revision != report.revision, ContinuousClock.now < giveUp {
                if let worker = try? await PostgresConnectionWorker.open(replica, label: "chrono.test.replica") {
                    seen = try? await worker.read(deadline: nil) { try StoredCounts(session: $0) }
                    await worker.close()
                }
                if seen?.revision != report.revision { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(seen?.revision == report.revision)
            #expect(seen?.counts == primary.counts)
            #expect(seen?.byDocument == primary.byDocument)
        }
    }

    @Test func aSecondImportIsRefusedAndChangesNothing() async throws {
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            let graph = Repository.url("Graph")
            try await PostgresGraphImport(directory: graph).load(into: database.worker)
            let error = await #expect(throws: ChronoError.self) {
                try await PostgresGraphImport(directory: graph).load(into: database.worker)
            }
            #expect(error?.code == .failedPrecondition)
            let revision = try await database.worker.read(deadline: nil) { try StoredCounts(session: $0).revision }
            #expect(revision == 1)
        }
    }

    @Test func anInvalidGraphIsRefusedNamingTheLineAndWritesNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let graph = directory.appending("Graph")
        try FileManager.default.createDirectory(at: graph, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Repository.url("Graph/vocabulary.json"),
            to: graph.appendingPathComponent("vocabulary.json")
        )
        let relation =
            #"{"citations":[{"doc":"d.txt","lines":[1,1]}],"from":"a","id":"a--reported--b","#
            + #""record":"relation","to":"b","type":"reported"}"#
        try Data((relation + "\n").utf8).write(to: graph.appendingPathComponent("relations.jsonl"))
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            let error = await #expect(throws: GraphLoadError.self) {
                try await PostgresGraphImport(directory: graph).load(into: database.worker)
            }
            #expect(error?.description.contains("relations.jsonl:1") == true, "\(String(describing: error))")
            let revision = try await database.worker.read(deadline: nil) { try StoredCounts(session: $0).revision }
            #expect(revision == 0)
        }
    }
}

/// What the PostgreSQL database holds: the backend's counts (what `StatsQuery` answers), its change log and source.
private struct StoredCounts: Sendable {
    var revision: Int64
    var counts: StatsCounts
    var byKind: [String: Int]
    var byDocument: [String: Int]
    var changes: Int
    var source: (hash: String, revision: Int64)?

    init(session: PostgresSession) throws {
        func count(_ sql: String) throws -> Int { try session.query(sql).first?.decode(Int.self) ?? -1 }
        self.revision =
            try session.query("SELECT value FROM meta WHERE key = 'revision'").first?.decode(Int64.self) ?? -1
        let stored = try PostgresRows(session: session).counts()
        self.counts = stored.counts
        self.byKind = stored.byKind
        self.byDocument = stored.byDocument
        self.changes = try count("SELECT count(*) FROM changes WHERE op = 'insert'")
        self.source = try session.query("SELECT hash, revision FROM graph_source").first?.decode((String, Int64).self)
    }
}
