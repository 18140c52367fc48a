import ChronoGraph

/// Deletes stored records with their aliases, participants, claims, citations and search rows.
///
/// Run inside a write transaction with deferred foreign keys: references to what is deleted are checked
/// afterwards by `danglingReference(to:)` (and by SQLite at commit).
struct RecordEraser {
    let connection: Connection

    /// The kinds of the stored records with `id`.
    func kinds(of id: String) throws -> [RecordKind] {
        try self.connection.cached(
            """
            SELECT 'document' FROM documents WHERE id = ?1 UNION ALL SELECT 'entity' FROM entities WHERE id = ?1
            UNION ALL SELECT 'event' FROM events WHERE id = ?1 UNION ALL SELECT 'relation' FROM relations WHERE id = ?1
            UNION ALL SELECT 'dispute' FROM disputes WHERE id = ?1 UNION ALL SELECT 'figure' FROM figures WHERE id = ?1
            """
        ).map([.text(id)]) { try RecordKind(stored: $0.text(0)) }
    }

    /// Deletes the record of `kind` with `id`, if stored.
    func delete(kind: RecordKind, id: String) throws {
        let statements: [String]
        switch kind {
        case .document: statements = ["DELETE FROM documents WHERE id = ?1"]
        case .entity, .event:
            statements = [
                "DELETE FROM citations WHERE owner_kind = '\(kind.rawValue)' AND owner = ?1",
                "DELETE FROM \(kind.table) WHERE id = ?1",
            ]
        case .relation:
            statements = [
                "DELETE FROM citations WHERE owner_kind = 'relation' AND owner = ?1",
                "DELETE FROM relations WHERE id = ?1",
            ]
        case .dispute:
            statements = [
                """
                DELETE FROM citations WHERE owner_kind = 'claim'
                AND owner IN (SELECT dispute || '#' || position FROM claims WHERE dispute = ?1)
                """,
                "DELETE FROM disputes WHERE id = ?1",
            ]
        case .figure:
            statements = [
                "DELETE FROM citations WHERE owner_kind = 'figure' AND owner = ?1", "DELETE FROM figures WHERE id = ?1",
            ]
        }
        try self.connection.cached("DELETE FROM search WHERE owner_kind = ?1 AND owner = ?2").run([
            .text(kind.rawValue), .text(id),
        ])
        for sql in statements { try self.connection.cached(sql).run([.text(id)]) }
    }

    /// A record that still refers to `id` (as participant, relation end, subject or cited document), if any:
    /// the first in the order events, relations, disputes, figures, citations, then by the referrer's text.
    func danglingReference(to id: String) throws -> String? {
        try self.connection.cached(
            """
            SELECT referrer FROM (
            SELECT 1 AS rank, 'event "' || e.id || '"' AS referrer FROM participants p JOIN events e ON e.rowid = p.event
            WHERE p.entity = ?1 AND NOT EXISTS (SELECT 1 FROM entities WHERE id = ?1)
            UNION ALL SELECT 2, 'relation "' || id || '"' FROM relations
            WHERE (from_id = ?1 OR to_id = ?1) AND NOT EXISTS (SELECT 1 FROM entities WHERE id = ?1)
            UNION ALL SELECT 3, 'dispute "' || id || '"' FROM disputes WHERE subject = ?1
            AND NOT EXISTS (SELECT 1 FROM entities WHERE id = ?1 UNION ALL SELECT 1 FROM events WHERE id = ?1
                            UNION ALL SELECT 1 FROM figures WHERE id = ?1)
            UNION ALL SELECT 4, 'figure "' || id || '"' FROM figures WHERE subject = ?1
            AND NOT EXISTS (SELECT 1 FROM entities WHERE id = ?1 UNION ALL SELECT 1 FROM events WHERE id = ?1
                            UNION ALL SELECT 1 FROM figures WHERE id = ?1)
            UNION ALL SELECT 5, 'a citation of ' || owner_kind || ' "' || owner || '"' FROM citations
            WHERE doc = ?1 AND NOT EXISTS (SELECT 1 FROM documents WHERE id = ?1)
            ) ORDER BY rank, referrer LIMIT 1
            """
        ).first([.text(id)]) { $0.text(0) }
    }
}
