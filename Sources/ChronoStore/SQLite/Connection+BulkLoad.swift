extension Connection {
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
