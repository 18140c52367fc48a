package import ChronoGraph

/// What a `GraphValidator` needs to know about records already stored.
package protocol GraphContent {
    /// Whether a record of `kind` with `id` is stored.
    func contains(kind: RecordKind, id: String) throws -> Bool
    /// The number of lines of document `id`, or `nil` when it is not stored.
    func documentLines(_ id: String) throws -> Int?
}

/// The content of a database, read through a connection.
struct StoredGraphContent: GraphContent {
    let connection: Connection

    func contains(kind: RecordKind, id: String) throws -> Bool {
        try self.connection.cached("SELECT 1 FROM \(kind.table) WHERE id = ?").first([.text(id)]) { _ in true } ?? false
    }

    func documentLines(_ id: String) throws -> Int? {
        try self.connection.cached("SELECT lines FROM documents WHERE id = ?").first([.text(id)]) { $0.int(0) }
    }
}
