internal import Foundation

extension Connection {
    /// Creates a database file at `path` (which must not exist) for a bulk load and runs `body` on it in one
    /// transaction: the schema made, no rollback journal, no syncing, no foreign key lookups (the loader checks
    /// every reference itself) and a page cache of `cacheKiB`, a fixed bound whatever the load's size. The
    /// file is then switched to WAL mode and closed; on a failure it is half written and the caller removes it.
    static func bulkLoad<T>(newFile path: String, cacheKiB: Int, _ body: (Connection) throws -> T) throws -> T {
        let connection = try Connection(path: path)
        try connection.execute(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -\(cacheKiB)"
        )
        try Schema.migrate(connection)
        try connection.execute("PRAGMA foreign_keys = OFF")
        let result = try connection.transaction(body)
        try connection.execute("PRAGMA journal_mode = WAL")
        return result
    }

    /// Runs `body` with the secondary indexes dropped, then creates them again from their own SQL.
    ///
    /// Filling a table and then sorting once into each index is much cheaper than updating every index
    /// row by row. Call it inside a transaction: the drop, the load and the rebuild then commit together,
    /// and a reader never sees the tables without their indexes. Indexes SQLite made for `PRIMARY KEY`
    /// and `UNIQUE` constraints stay, so lookups by id keep working while `body` runs.
    public func withSecondaryIndexesDeferred<T>(_ body: (Connection) throws -> T) throws -> T {
        let indexes = try self.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid"
        ).map { (name: $0.text(0), sql: $0.text(1)) }
        for index in indexes { try self.execute("DROP INDEX \"\(index.name.replacingQuotes())\"") }
        let result = try body(self)
        for index in indexes { try self.execute(index.sql) }
        return result
    }
}

extension String {
    /// The string with each `"` doubled, for an SQL quoted identifier.
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self { result += character == "\"" ? "\"\"" : String(character) }
        return result
    }
}

/// Runs `body` on a thread of its own and returns its result: for long blocking work (a bulk load, a pass over
/// a stored archive) that must not hold one of the few threads Swift concurrency shares.
package func onOwnThread<T: Sendable>(
    named name: String,
    _ body: @escaping @Sendable () throws -> T
) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.name = name
        thread.start()
    }
}
