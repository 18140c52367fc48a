internal import CSQLite

/// One SQLite connection. Not thread-safe: confine it to one serial queue.
///
/// Opened in WAL mode with a busy timeout, foreign keys on and extended result codes.
public final class Connection {
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    /// Polled while statements run; returning `true` interrupts the running statement (`SQLITE_INTERRUPT`).
    var interruptCheck: (() -> Bool)?

    /// Opens (creating if needed) the database at `path`.
    ///
    /// - Parameter busyTimeout: how long a statement waits for another connection's lock before
    ///   failing with `SQLITE_BUSY`, in milliseconds.
    public init(path: String, readOnly: Bool = false, busyTimeout: Int32 = 5_000) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, connection: handle)
            sqlite3_close_v2(handle)  // required even on failure; a no-op on NULL
            throw error
        }
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeout)
        self.handle = handle
        // > The progress handler callback is invoked periodically during long running calls to sqlite3_step().
        // > If it returns non-zero, the operation is interrupted. (https://sqlite.org/c3ref/progress_handler.html)
        sqlite3_progress_handler(
            handle,
            1_000,
            { context in
                guard let context else { return 0 }
                let connection = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
                return connection.interruptCheck?() == true ? 1 : 0
            },
            Unmanaged.passUnretained(self).toOpaque()
        )
        do {
            if !readOnly { try self.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL") }
            try self.execute("PRAGMA foreign_keys = ON")
            try self.registerPhraseHits()
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        self.cache.removeAll()  // finalize statements before closing
        sqlite3_close_v2(self.handle)
    }

    /// Returns a prepared statement for `sql`, compiled once and reused afterwards.
    public func cached(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = self.cache[sql] { return statement }
        let statement = try Statement(sql: sql, connection: self, persistent: true)
        self.cache[sql] = statement
        return statement
    }

    /// Compiles `sql` for one use.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(sql: sql, connection: self, persistent: false)
    }

    /// Runs one or more fixed SQL statements that bind nothing (schema, pragmas, transaction control).
    public func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(self.handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: self.handle, sql: sql) }
    }

    /// The rowid of the latest successful insert.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(self.handle) }

    /// The rows the latest `INSERT`, `UPDATE` or `DELETE` changed.
    var changes: Int { Int(sqlite3_changes(self.handle)) }

    /// Whether a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(self.handle) == 0 }

    /// Whether the open transaction has read the database, and so holds a snapshot of it: a deferred
    /// transaction takes one at its first statement that reads.
    var hasSnapshot: Bool { sqlite3_txn_state(self.handle, "main") != SQLITE_TXN_NONE }
}

@available(*, unavailable)
extension Connection: Sendable {}
