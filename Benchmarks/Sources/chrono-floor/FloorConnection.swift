import CSQLite

/// One read-only connection with its prepared statements: everything one worker thread needs.
final class FloorConnection {
    let database: OpaquePointer
    private var statements: [String: FloorStatement] = [:]
    /// The span classes present in `events`, and how far the events of each class may reach (days).
    private(set) var spanClasses: [Int64]

    init(path: String, cacheKiB: Int) throws(FloorError) {
        var database: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &database, flags, nil) == SQLITE_OK, let database else {
            throw FloorError.sqlite("cannot open \(path)", sql: "open")
        }
        // Concurrent first readers of a WAL file wait for whichever one rebuilds the shared-memory index.
        sqlite3_busy_timeout(database, 10_000)
        sqlite3_exec(database, "PRAGMA cache_size = -\(cacheKiB)", nil, nil, nil)
        self.database = database
        self.spanClasses = []
        var classes: [Int64] = []
        // A skip-scan over events_span: one seek per class present.
        var next: Int64 = -1
        while true {
            var found: Int64?
            try self.statement("SELECT span_class FROM events WHERE span_class > ? ORDER BY span_class LIMIT 1")
                .run([.integer(next)]) { row in found = row.int64(0) }
            guard let found else { break }
            classes.append(found)
            next = found
        }
        self.spanClasses = classes
    }

    deinit {
        self.statements.removeAll()
        sqlite3_close_v2(self.database)
    }

    /// The prepared statement for `sql`, prepared on first use.
    func statement(_ sql: String) throws(FloorError) -> FloorStatement {
        if let statement = self.statements[sql] { return statement }
        let statement = try FloorStatement(self.database, sql)
        self.statements[sql] = statement
        return statement
    }
}
