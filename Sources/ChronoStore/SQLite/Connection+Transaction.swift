extension Connection {
    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; rolls back and rethrows the first error.
    ///
    /// `IMMEDIATE` takes the write lock up front, so the transaction never fails midway with
    /// `SQLITE_BUSY` while upgrading a read lock. Inside an open transaction, use `savepoint`.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try self.execute("BEGIN IMMEDIATE")
        do {
            let result = try body(self)
            try self.execute("COMMIT")
            return result
        } catch {
            try? self.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside a savepoint, which nests: an error rolls back to the savepoint only and rethrows.
    ///
    /// Outside any transaction, a savepoint behaves as a deferred `BEGIN … COMMIT`.
    public func savepoint<T>(_ body: (Connection) throws -> T) throws -> T {
        try self.execute("SAVEPOINT chrono")
        do {
            let result = try body(self)
            try self.execute("RELEASE SAVEPOINT chrono")
            return result
        } catch {
            try? self.execute("ROLLBACK TO SAVEPOINT chrono")
            try? self.execute("RELEASE SAVEPOINT chrono")
            throw error
        }
    }

    /// Runs `body` inside a deferred read transaction, so all its statements see one snapshot.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try self.execute("BEGIN DEFERRED")
        defer { try? self.execute("COMMIT") }
        return try body(self)
    }
}
