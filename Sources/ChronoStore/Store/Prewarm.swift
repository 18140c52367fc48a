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

    /// Keeps every entity's reference, every relation's stored edge and every node's relations in `caches`, in
    /// id order as far as their budgets allow (inside the caller's read transaction).
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
        try self.fillRelations(caches.relations, hubDegree: caches.hubDegree, at: revision, connection)
    }

    /// Keeps every node's relations (`NodeRelations`) in `cache`, in id order as far as its budget allows. Two
    /// passes in the indexes' order (near end, other end, id) give each node's lists sorted, one node at a
    /// time; a link in takes its relation's id and type from the link out, so each string is held once.
    private static func fillRelations(
        _ cache: RecordCache<NodeRelations>,
        hubDegree: Int,
        at revision: Int64,
        _ connection: Connection
    ) throws {
        guard cache.budget > 0 else { return }
        var out: [String: [NodeRelations.Link]] = [:]
        try self.scanLinks(connection, near: "from_id", far: "to_id") { node, links in out[node] = links }
        let outNodes = UTF8Order.sorted(out.keys)
        var next = outNodes.startIndex
        var batch: [String: NodeRelations] = [:]
        var bytes = 0
        /// Adds `node` to the batch; false once the budget is spent.
        func keep(_ id: String, into: [NodeRelations.Link]) -> Bool {
            let node = NodeRelations(id: id, out: out[id] ?? [], into: into, bound: hubDegree)
            bytes += node.cachedBytes
            guard bytes <= cache.budget else { return false }
            batch[id] = node
            if batch.count == 4_096 {
                cache.keep(batch, at: revision)
                batch.removeAll(keepingCapacity: true)
            }
            return true
        }
        /// Keeps the nodes with relations out only that come before `id` (all when `nil`), and passes `id`.
        func keepOutOnly(before id: String?) -> Bool {
            while next < outNodes.endIndex, id.map({ outNodes[next] <= $0 }) ?? true {
                defer { next += 1 }
                guard outNodes[next] != id else { break }
                guard keep(outNodes[next], into: []) else { return false }
            }
            return true
        }
        var full = false
        try self.scanLinks(connection, near: "to_id", far: "from_id") { node, into in
            guard !full, keepOutOnly(before: node) else {
                full = true
                return
            }
            let shared = into.map { link in
                // The same relation's link out of its other end: (this node, id) in that node's list.
                let theirs = out[link.other] ?? []
                var (low, high) = (theirs.startIndex, theirs.endIndex)
                while low < high {
                    let middle = (low + high) / 2
                    if (theirs[middle].other, theirs[middle].edge) < (node, link.edge) {
                        low = middle + 1
                    } else {
                        high = middle
                    }
                }
                guard low < theirs.endIndex, theirs[low].edge == link.edge else { return link }
                return NodeRelations.Link(other: link.other, edge: theirs[low].edge, type: theirs[low].type)
            }
            full = !keep(node, into: shared)
        }
        if !full { _ = keepOutOnly(before: nil) }
        cache.keep(batch, at: revision)
    }

    /// Calls `body` with each node's links, node by node: the relations whose `near` column holds the node, by
    /// the index on it (`relations_from`, `relations_to`), each list in (other end, id) order and of its exact
    /// size.
    private static func scanLinks(
        _ connection: Connection,
        near: String,
        far: String,
        _ body: (String, [NodeRelations.Link]) -> Void
    ) throws {
        var node: String?
        var links: [NodeRelations.Link] = []
        func flush() {
            if let node { body(node, links.withUnsafeBufferPointer(Array.init)) }
            links.removeAll(keepingCapacity: true)
        }
        let sql = "SELECT \(near), \(far), id, type FROM relations ORDER BY \(near), \(far), id"
        try connection.prepare(sql).run { row in
            let near = row.text(0)
            if near != node {
                flush()
                node = near
            }
            links.append(NodeRelations.Link(other: row.text(1), edge: row.text(2), type: row.text(3)))
        }
        flush()
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
