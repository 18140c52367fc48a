internal import ChronoGraph
internal import ChronoProtocol

/// Synchronous reads over one connection, inside one read transaction: the building blocks of queries.
///
/// Batch reads bind their id lists as one JSON array (`json_each`), never by pasting ids into SQL. Outside the
/// store it is opaque: what a `GraphQuery` answers from.
public struct GraphReader {
    let connection: Connection
    let context: QueryContext
    /// The most relations one expansion step reads (see `maximumAdjacencyRows`).
    var adjacencyRowLimit = GraphReader.maximumAdjacencyRows
    /// The most matches the ranked search ranks all of by BM25 (see `textMatches`).
    var exhaustiveSearchRows = GraphReader.maximumExhaustiveSearchRows

    /// The graph revision of this snapshot.
    func revision() throws -> Int64 { try GraphStore.revision(self.connection) }

    /// A JSON array of `values`, for `json_each`.
    static func list(_ values: some Sequence<String>) throws -> SQLiteValue {
        var writer = WireWriter()
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
        return .text(String(decoding: writer.bytes, as: UTF8.self))
    }

    /// A JSON array of `rowids`, for `json_each`.
    static func list(_ rowids: [Int64]) -> SQLiteValue {
        var writer = WireWriter()
        writer.beginArray()
        for rowid in rowids { writer.int(rowid) }
        writer.endArray()
        return .text(String(decoding: writer.bytes, as: UTF8.self))
    }

    /// Parses a stored EDTF string; a stored string that no longer parses means corrupt data.
    static func date(_ edtf: String?, text: String?) throws -> DateValue? {
        guard let edtf else { return nil }
        do {
            return DateValue(edtf: try EDTFDate(edtf), text: text)
        } catch {
            throw ChronoError.dataLoss("stored date \"\(edtf)\" is not valid EDTF")
        }
    }

    static func kind(_ text: String) throws -> EntityKind {
        guard let kind = EntityKind(rawValue: text) else {
            throw ChronoError.dataLoss("stored kind \"\(text)\" is unknown")
        }
        return kind
    }

    /// References of the entities with `ids` that exist, by id.
    func refs(_ ids: some Sequence<String>) throws -> [String: EntityRef] {
        var refs: [String: EntityRef] = [:]
        try self.connection.cached(
            "SELECT id, kind, name FROM entities WHERE id IN (SELECT value FROM json_each(?))"
        ).run([try Self.list(ids)]) { row in
            refs[row.text(0)] = EntityRef(id: row.text(0), kind: try Self.kind(row.text(1)), name: row.text(2))
        }
        return refs
    }

    /// The reference of entity `id`, or `nil`.
    func ref(_ id: String) throws -> EntityRef? {
        try self.connection.cached("SELECT id, kind, name FROM entities WHERE id = ?").first([.text(id)]) { row in
            EntityRef(id: row.text(0), kind: try Self.kind(row.text(1)), name: row.text(2))
        }
    }

    /// Citations of the records of `kind` with `owners`, by owner, in stored order.
    func citations(kind: String, owners: some Sequence<String>) throws -> [String: [Citation]] {
        var citations: [String: [Citation]] = [:]
        try self.connection.cached(
            """
            SELECT owner, doc, first, last, ref FROM citations
            WHERE owner_kind = ? AND owner IN (SELECT value FROM json_each(?)) ORDER BY owner, position
            """
        ).run([.text(kind), try Self.list(owners)]) { row in
            citations[row.text(0), default: []].append(
                Citation(doc: row.text(1), first: row.int(2), last: row.int(3), ref: row.optionalText(4))
            )
        }
        return citations
    }
}
