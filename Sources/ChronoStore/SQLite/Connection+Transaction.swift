/// Transaction control runs through cached statements: a read's `BEGIN` and `COMMIT` are compiled once per
/// connection, not on every call (`sqlite3_exec` prepares them anew each time).
///
/// What ends a transaction or savepoint (`COMMIT`, `ROLLBACK`, `RELEASE`) runs with the progress handler's
/// interruption off (`ending`): a cached statement's step count grows across its runs, so the handler also fires
/// inside these three-instruction programs now and then, and an interrupted `COMMIT` or `ROLLBACK` would leave the
/// transaction open for every later call on the connection (each `BEGIN` then failing).
extension Connection {
    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; rolls back and rethrows the first error.
    ///
    /// `IMMEDIATE` takes the write lock up front, so the transaction never fails midway with
    /// `SQLITE_BUSY` while upgrading a read lock. Inside an open transaction, use `savepoint`.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try self.cached("BEGIN IMMEDIATE").run()
        do {
            let result = try body(self)
            try self.ending("COMMIT")
            return result
        } catch {
            try? self.ending("ROLLBACK")
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
            try self.ending("RELEASE SAVEPOINT chrono")
            return result
        } catch {
            try? self.ending("ROLLBACK TO SAVEPOINT chrono")
            try? self.ending("RELEASE SAVEPOINT chrono")
            throw error
        }
    }

    /// Runs `body` inside a deferred read transaction, so all its statements see one snapshot; the transaction
    /// is over when it returns, whatever `body` did. The snapshot (and the WAL read lock, two `fcntl` calls) is
    /// taken by the first statement that reads, not by `BEGIN` (`hasSnapshot`).
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try self.cached("BEGIN DEFERRED").run()
        defer {
            do {
                try self.ending("COMMIT")
            } catch {
                try? self.ending("ROLLBACK")
            }
        }
        return try body(self)
    }

    /// Runs the transaction-ending statement `sql` with the progress handler's interruption off.
    private func ending(_ sql: String) throws {
        let check = self.interruptCheck
        self.interruptCheck = nil
        defer { self.interruptCheck = check }
        try self.cached(sql).run()
    }
}
