internal import ChronoGraph

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

    /// Keeps every entity's reference and every relation's stored edge in `caches`, in id order as far as
    /// their budgets allow (inside the caller's read transaction).
    static func fill(_ caches: StoreCaches, _ connection: Connection) throws {
        let revision = try GraphStore.revision(connection)
        try self.fill(caches.refs, at: revision, connection, "SELECT id, kind, name FROM entities ORDER BY id") { row in
            EntityRef(id: row.text(0), kind: try StoredValue.kind(row.text(1)), name: row.text(2))
        }
        // An empty form is left to the call that reads it, to report as data loss.
        try self.fill(
            caches.edges,
            at: revision,
            connection,
            "SELECT id, wire FROM relations WHERE wire <> x'' ORDER BY id"
        ) { row in
            EncodedEdge(id: row.text(0), json: row.blob(1))
        }
    }

    /// Keeps the records `sql` reads (each id first), a batch at a time so that no more than a batch is held
    /// twice, until `cache`'s budget is spent.
    private static func fill<Value>(
        _ cache: RecordCache<Value>,
        at revision: Int64,
        _ connection: Connection,
        _ sql: String,
        record: (borrowing Row) throws -> Value
    ) throws {
        var batch: [String: Value] = [:]
        var bytes = 0
        try connection.cached(sql).scan([]) { row in
            let value = try record(row)
            bytes += value.cachedBytes
            guard bytes <= cache.budget else { return false }
            batch[row.text(0)] = value
            if batch.count == 4_096 {
                cache.keep(batch, at: revision)
                batch.removeAll(keepingCapacity: true)
            }
            return true
        }
        cache.keep(batch, at: revision)
    }

    /// `name` as an SQL identifier.
    private static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
