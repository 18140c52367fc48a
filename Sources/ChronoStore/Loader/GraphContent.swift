/// What a `GraphValidator` needs to know about records already stored.
protocol GraphContent {
    /// Whether a record of `kind` (`entity`, `event`…) with `id` is stored.
    func contains(kind: String, id: String) throws -> Bool
    /// The number of lines of document `id`, or `nil` when it is not stored.
    func documentLines(_ id: String) throws -> Int?
}

/// The content of a database, read through a connection.
struct StoredGraphContent: GraphContent {
    let connection: Connection

    func contains(kind: String, id: String) throws -> Bool {
        let sql: String
        switch kind {
        case "document": sql = "SELECT 1 FROM documents WHERE id = ?"
        case "entity": sql = "SELECT 1 FROM entities WHERE id = ?"
        case "event": sql = "SELECT 1 FROM events WHERE id = ?"
        case "relation": sql = "SELECT 1 FROM relations WHERE id = ?"
        case "dispute": sql = "SELECT 1 FROM disputes WHERE id = ?"
        case "figure": sql = "SELECT 1 FROM figures WHERE id = ?"
        default: return false
        }
        return try self.connection.cached(sql).first([.text(id)]) { _ in true } ?? false
    }

    func documentLines(_ id: String) throws -> Int? {
        try self.connection.cached("SELECT lines FROM documents WHERE id = ?").first([.text(id)]) { $0.int(0) }
    }
}
