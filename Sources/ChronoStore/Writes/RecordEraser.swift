/// Deletes one record and everything stored for it (aliases, participants, claims, citations, search rows).
///
/// Run inside a write transaction with deferred foreign keys: references to the record are checked at the
/// end of the batch, once replacements are in place.
struct RecordEraser {
    let connection: Connection

    /// Deletes record `kind`/`id`; nothing happens when there is none.
    func erase(kind: String, id: String) throws {
        let value = SQLiteValue.text(id)
        switch kind {
        case "document":
            try self.run("DELETE FROM documents WHERE id = ?", value)
        case "entity":
            try self.run("DELETE FROM search WHERE owner_kind = 'entity' AND owner = ?", value)
            try self.run("DELETE FROM citations WHERE owner_kind = 'entity' AND owner = ?", value)
            try self.run("DELETE FROM aliases WHERE entity = ?", value)
            try self.run("DELETE FROM entities WHERE id = ?", value)
        case "event":
            try self.run("DELETE FROM search WHERE owner_kind = 'event' AND owner = ?", value)
            try self.run("DELETE FROM citations WHERE owner_kind = 'event' AND owner = ?", value)
            try self.run("DELETE FROM participants WHERE event = (SELECT rowid FROM events WHERE id = ?)", value)
            try self.run("DELETE FROM events WHERE id = ?", value)
        case "relation":
            try self.run("DELETE FROM citations WHERE owner_kind = 'relation' AND owner = ?", value)
            try self.run("DELETE FROM relations WHERE id = ?", value)
        case "dispute":
            // Claim citations are owned by "<dispute>#<position>"; '$' is the byte after '#'.
            try self.connection.cached("DELETE FROM citations WHERE owner_kind = 'claim' AND owner > ? AND owner < ?")
                .run([.text(id + "#"), .text(id + "$")])
            try self.run("DELETE FROM claims WHERE dispute = ?", value)
            try self.run("DELETE FROM disputes WHERE id = ?", value)
        default:
            try self.run("DELETE FROM citations WHERE owner_kind = 'figure' AND owner = ?", value)
            try self.run("DELETE FROM figures WHERE id = ?", value)
        }
    }

    /// The kinds of the stored records whose id is `id`.
    func kinds(of id: String) throws -> [String] {
        try RecordExporter.kinds.filter { kind in
            try self.connection.cached("SELECT 1 FROM \(RecordExporter.table(kind)) WHERE id = ?")
                .first([.text(id)]) { _ in true } ?? false
        }
    }

    /// What still refers to record `kind`/`id` (as `kind "id"`), or `nil` when nothing does.
    func referrer(kind: String, id: String) throws -> String? {
        let value = SQLiteValue.text(id)
        var queries: [String] = []
        switch kind {
        case "entity":
            queries = [
                "SELECT 'event \"' || e.id || '\"' FROM participants p JOIN events e ON e.rowid = p.event WHERE p.entity = ?",
                "SELECT 'relation \"' || id || '\"' FROM relations WHERE from_id = ?1 OR to_id = ?1",
                "SELECT 'dispute \"' || id || '\"' FROM disputes WHERE subject = ?",
                "SELECT 'figure \"' || id || '\"' FROM figures WHERE subject = ?",
            ]
        case "event":
            queries = [
                "SELECT 'dispute \"' || id || '\"' FROM disputes WHERE subject = ?",
                "SELECT 'figure \"' || id || '\"' FROM figures WHERE subject = ?",
            ]
        case "document":
            queries = ["SELECT owner_kind || ' \"' || owner || '\"' FROM citations WHERE doc = ?"]
        default:
            return nil
        }
        for sql in queries {
            if let found = try self.connection.cached(sql + " LIMIT 1").first([value], { $0.text(0) }) { return found }
        }
        return nil
    }

    /// A citation that points past the last line of document `id`, now that it has `lines` lines.
    func citationBeyond(document id: String, lines: Int) throws -> String? {
        try self.connection.cached(
            "SELECT owner_kind || ' \"' || owner || '\"' FROM citations WHERE doc = ? AND last > ? LIMIT 1"
        ).first([.text(id), .int(lines)]) { $0.text(0) }
    }

    private func run(_ sql: String, _ value: SQLiteValue) throws {
        try self.connection.cached(sql).run([value])
    }
}
