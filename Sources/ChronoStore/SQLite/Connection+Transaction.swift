/// Transaction control runs through cached statements: a read's `BEGIN` and `COMMIT` are compiled once per
/// connection, not on every call (`sqlite3_exec` prepares them anew each time).
extension Connection {
    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; rolls back and rethrows the first error.
    ///
    /// `IMMEDIATE` takes the write lock up front, so the transaction never fails midway with
    /// `SQLITE_BUSY` while upgrading a read lock. Inside an open transaction, use `savepoint`.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try self.cached("BEGIN IMMEDIATE").run()
        do {
            let result = try body(self)
            try self.cached("COMMIT").run()
            return result
        } catch {
            try? self.cached("ROLLBACK").run()
            throw error
        }
    }

    /// Runs `body` inside a savepoint, which nests: an error rolls back to the savepoint only and rethrows.
    ///
    /// Outside any transaction, a savepoint behaves as a deferred `BEGIN … COMMIT`.
    public func savepoint<T>(_ body: (Connection) throws -> T) throws -> T {
        try self.cached("SAVEPOINT chrono").run()
        do {
            let result = try body(self)
            try self.cached("RELEASE SAVEPOINT chrono").run()
            return result
        } catch {
            try? self.cached("ROLLBACK TO SAVEPOINT chrono").run()
            try? self.cached("RELEASE SAVEPOINT chrono").run()
            throw error
        }
    }

    /// Runs `body` inside a deferred read transaction, so all its statements see one snapshot.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try self.cached("BEGIN DEFERRED").run()
        defer { try? self.cached("COMMIT").run() }
        return try body(self)
    }
}
