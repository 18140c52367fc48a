/// What `GraphStore.prewarm()` reads on each reader connection: every table and index of the graph (the full
/// text index's tables included), each scanned whole by its own B-tree, so every page of it passes through the
/// connection's mapping once. Stored snapshots are left out: they are read rarely and in pieces.
enum Prewarm {
    /// The B-trees read: each table by itself (`NOT INDEXED`) and each index (`INDEXED BY`), as SQL that steps
    /// through every entry without decoding a column (`sum(1)`: `count(*)` would count one index, the
    /// smallest, whichever was named).
    static func statements(_ connection: Connection) throws -> [String] {
        try connection.prepare(
            "SELECT type, name, tbl_name FROM sqlite_schema WHERE rootpage > 0 AND tbl_name <> 'snapshots' ORDER BY rootpage"
        ).map { row in
            let (type, name, table) = (row.text(0), row.text(1), row.text(2))
            return type == "index"
                ? "SELECT sum(1) FROM \(quoted(table)) INDEXED BY \(quoted(name))"
                : "SELECT sum(1) FROM \(quoted(name)) NOT INDEXED"
        }
    }

    /// Reads every B-tree of `statements` on `connection` (inside the caller's read transaction).
    ///
    /// - Returns: The pages of the file, and the B-trees read.
    static func readEveryTree(_ connection: Connection) throws -> (pages: Int64, trees: Int) {
        let statements = try self.statements(connection)
        for sql in statements { try connection.prepare(sql).run() }
        let pages = try connection.prepare("PRAGMA page_count").first { $0.int64(0) } ?? 0
        return (pages, statements.count)
    }

    /// `name` as an SQL identifier.
    private static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
