import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("SQLite connection, statements and transactions")
struct ConnectionTests {
    @Test func returnsTheSameStatementFromTheCache() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.databasePath)
        let first = try connection.cached("SELECT 1")
        let second = try connection.cached("SELECT 1")
        #expect(first === second)
        #expect(try connection.cached("SELECT 2") !== first)
    }

    @Test func bindsAndReadsEveryType() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.databasePath)
        try connection.execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        try connection.cached("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
            .run([.integer(42), .real(2.5), .text("Azərbaycan \"quoted\""), .blob([1, 2, 3]), .null])
        let row = try connection.cached("SELECT i, r, s, length(b), n FROM t").first { row in
            (row.int(0), row.double(1), row.text(2), row.int(3), row.optionalText(4))
        }
        #expect(row?.0 == 42)
        #expect(row?.1 == 2.5)
        #expect(row?.2 == "Azərbaycan \"quoted\"")
        #expect(row?.3 == 3)
        #expect(row?.4 == nil)
    }

    @Test func phraseHitsNamesTheFirstColumnHoldingEachPhrase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.databasePath)
        try connection.execute(
            """
            CREATE VIRTUAL TABLE f USING fts5(name, summary, tokenize = 'porter unicode61');
            INSERT INTO f VALUES ('Baku port', 'ships leave the port of Baku'), ('Ganja', 'a city with no port');
            """
        )
        let hits = try connection.cached(
            "SELECT name, \(Connection.phraseHits)(f) FROM f WHERE f MATCH '\"port\" OR (\"ship\" OR \"baku\") OR \"ganj\"*' ORDER BY rowid"
        ).map { row in [row.text(0), row.text(1)] }
        // One digit per phrase (port, ship, baku, ganj*): 0 for none, else 1 + the first column holding it.
        #expect(hits == [["Baku port", "1210"], ["Ganja", "2001"]])
    }

    @Test func uniqueViolationRollsBackTheWholeTransaction() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.databasePath)
        try connection.execute("CREATE TABLE t(id TEXT PRIMARY KEY, v INTEGER); CREATE UNIQUE INDEX t_v ON t(v)")
        let error = #expect(throws: SQLiteError.self) {
            try connection.transaction { connection in
                try connection.cached("INSERT INTO t VALUES (?, ?)").run(["a", 1])
                try connection.cached("INSERT INTO t VALUES (?, ?)").run(["b", 1])
            }
        }
        #expect(error?.code == 2067)
        #expect(error?.primaryCode == 19)
        #expect(error?.sql == "INSERT INTO t VALUES (?, ?)")
        #expect(error?.status.code == .internal)
        #expect(try connection.cached("SELECT count(*) FROM t").first { $0.int(0) } == 0)
        #expect(!connection.isInTransaction)
    }

    @Test func savepointsNestAndRollBackOnlyTheirOwnWork() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.databasePath)
        try connection.execute("CREATE TABLE t(id TEXT PRIMARY KEY)")
        try connection.transaction { connection in
            try connection.cached("INSERT INTO t VALUES (?)").run(["outer"])
            try connection.savepoint { connection in
                try connection.cached("INSERT INTO t VALUES (?)").run(["kept"])
                #expect(throws: SQLiteError.self) {
                    try connection.savepoint { connection in
                        try connection.cached("INSERT INTO t VALUES (?)").run(["inner"])
                        try connection.cached("INSERT INTO t VALUES (?)").run(["outer"])
                    }
                }
            }
        }
        let ids = try connection.cached("SELECT id FROM t ORDER BY id").map { $0.text(0) }
        #expect(ids == ["kept", "outer"])
    }

    @Test func secondWriterGetsBusyAfterTheTimeout() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try Connection(path: directory.databasePath)
        try writer.execute("CREATE TABLE t(id INTEGER)")
        let other = try Connection(path: directory.databasePath, busyTimeout: 100)
        try writer.execute("BEGIN IMMEDIATE")
        defer { try? writer.execute("ROLLBACK") }
        let started = ContinuousClock.now
        let error = #expect(throws: SQLiteError.self) {
            try other.transaction { connection in try connection.cached("INSERT INTO t VALUES (1)").run() }
        }
        #expect(error?.primaryCode == SQLiteError.busy)
        #expect(error?.status.code == .unavailable)
        #expect(ContinuousClock.now - started >= .milliseconds(90))
    }

    @Test func progressHandlerInterruptsALongStatement() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.databasePath)
        connection.interruptCheck = { true }
        let error = #expect(throws: SQLiteError.self) {
            try connection.prepare(
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000000) SELECT count(*) FROM n"
            ).run()
        }
        #expect(error?.primaryCode == SQLiteError.interrupt)
        #expect(error?.status.code == .cancelled)
    }

    /// Readers map the file and keep a large page cache; the writer does neither (its pages go through the WAL).
    @Test func readerConnectionsMapTheFileAndWritersDoNot() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Connection(path: directory.databasePath).execute("CREATE TABLE t(x)")
        for readOnly in [true, false] {
            let worker = try await ConnectionWorker.open(
                path: directory.databasePath,
                label: "test",
                readOnly: readOnly
            )
            let (map, cache) = try await worker.run(deadline: nil) { connection, _ in
                (
                    try connection.cached("PRAGMA mmap_size").first { $0.int(0) } ?? 0,
                    try connection.cached("PRAGMA cache_size").first { $0.int(0) } ?? 0
                )
            }
            // (the library caps the map at its compile-time limit)
            #expect(readOnly ? map >= 1 << 30 : map == 0, "read only: \(readOnly), mapped: \(map)")
            #expect((cache == -Connection.readerCacheKiB) == readOnly, "read only: \(readOnly), cache: \(cache)")
        }
    }

    @Test func reportsSyntaxErrorsWithTheSQL() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.databasePath)
        let error = #expect(throws: SQLiteError.self) { try connection.prepare("SELEKT 1") }
        #expect(error?.primaryCode == 1)
        #expect(error?.message.contains("syntax error") == true)
    }

    /// The progress handler runs every 1,000 virtual machine steps, counted across a cached statement's runs, so
    /// now and then inside a `COMMIT`: a call stopped by then must still end its transaction, or every later
    /// `BEGIN` on the connection fails ("cannot start a transaction within a transaction").
    @Test func aReadEndsItsTransactionEvenWhenItsCallIsStoppedAsItCommits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Connection(path: directory.databasePath)
        try connection.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1)")
        var stopped = false
        connection.interruptCheck = { stopped }
        for index in 0..<3_000 {
            stopped = false
            let read = try connection.read { connection in
                let value = try connection.cached("SELECT x FROM t").first { $0.int64(0) }
                stopped = true  // the call is cancelled, or its deadline passes, as it finishes
                return value
            }
            #expect(read == 1)
            guard !connection.isInTransaction else {
                Issue.record("read \(index) left its transaction open")
                return
            }
        }
        stopped = false
        try connection.transaction { connection in
            stopped = true
            _ = connection
        }
        #expect(!connection.isInTransaction)
    }
}
