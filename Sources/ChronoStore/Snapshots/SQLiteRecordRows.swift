internal import ChronoGraph

/// SQLite's `RecordRowSource`: the rows of the records with the given ids, each list bound as one JSON array.
struct SQLiteRecordRows: RecordRowSource {
    let connection: Connection

    /// Read a page at a time from the id's index: SQLite's `BINARY` collation compares the UTF-8 bytes, which
    /// is code point order, the canonical one. Each page is one seek.
    func recordIDs(of kind: RecordKind) throws -> RecordIDs {
        let connection = self.connection
        let first = try connection.cached("SELECT id FROM \(kind.table) ORDER BY id LIMIT ?")
        let next = try connection.cached("SELECT id FROM \(kind.table) WHERE id > ? ORDER BY id LIMIT ?")
        return RecordIDs { after, limit in
            guard let after else { return try first.map([.integer(Int64(limit))]) { $0.text(0) } }
            return try next.map([.text(after), .integer(Int64(limit))]) { $0.text(0) }
        }
    }

    func documentRows(_ ids: [String]) throws -> [RecordRow.Document] {
        try self.connection.cached(
            "SELECT id, title, lines FROM documents WHERE id IN (SELECT value FROM json_each(?))"
        ).map([.jsonArray(ids)]) { RecordRow.Document(id: $0.text(0), title: $0.text(1), lines: $0.int64(2)) }
    }

    func entityRows(_ ids: [String]) throws -> [RecordRow.Entity] {
        try self.connection.cached(
            """
            SELECT id, kind, name, summary, number, attributes, dates FROM entities
            WHERE id IN (SELECT value FROM json_each(?))
            """
        ).map([.jsonArray(ids)]) { row in
            RecordRow.Entity(
                id: row.text(0),
                kind: row.text(1),
                name: row.text(2),
                summary: row.text(3),
                number: row.optionalText(4),
                attributes: row.text(5),
                dates: row.text(6)
            )
        }
    }

    func aliasRows(_ entities: [String]) throws -> [RecordRow.Alias] {
        try self.connection.cached(
            """
            SELECT entity, alias FROM aliases WHERE entity IN (SELECT value FROM json_each(?)) AND position > 0
            ORDER BY entity, position
            """
        ).map([.jsonArray(entities)]) { RecordRow.Alias(entity: $0.text(0), alias: $0.text(1)) }
    }

    func eventRows(_ ids: [String]) throws -> [RecordRow.Event] {
        try self.connection.cached(
            "SELECT id, type, title, summary, date_edtf, date_text FROM events WHERE id IN (SELECT value FROM json_each(?))"
        ).map([.jsonArray(ids)]) { row in
            RecordRow.Event(
                id: row.text(0),
                type: row.text(1),
                title: row.text(2),
                summary: row.text(3),
                edtf: row.text(4),
                dateText: row.optionalText(5)
            )
        }
    }

    func participantRows(_ events: [String]) throws -> [RecordRow.Participant] {
        try self.connection.cached(
            """
            SELECT e.id, p.entity, p.role FROM participants p JOIN events e ON e.rowid = p.event
            WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id, p.position
            """
        ).map([.jsonArray(events)]) { RecordRow.Participant(event: $0.text(0), entity: $0.text(1), role: $0.text(2)) }
    }

    func relationRows(_ ids: [String]) throws -> [RecordRow.Relation] {
        try self.connection.cached(
            """
            SELECT id, type, from_id, to_id, date_edtf, date_text, summary FROM relations
            WHERE id IN (SELECT value FROM json_each(?))
            """
        ).map([.jsonArray(ids)]) { row in
            RecordRow.Relation(
                id: row.text(0),
                type: row.text(1),
                from: row.text(2),
                to: row.text(3),
                edtf: row.optionalText(4),
                dateText: row.optionalText(5),
                summary: row.optionalText(6)
            )
        }
    }

    func disputeRows(_ ids: [String]) throws -> [RecordRow.Dispute] {
        try self.connection.cached(
            "SELECT id, subject, topic FROM disputes WHERE id IN (SELECT value FROM json_each(?))"
        ).map([.jsonArray(ids)]) { RecordRow.Dispute(id: $0.text(0), subject: $0.optionalText(1), topic: $0.text(2)) }
    }

    func claimRows(_ disputes: [String]) throws -> [RecordRow.Claim] {
        try self.connection.cached(
            """
            SELECT dispute, position, claim FROM claims WHERE dispute IN (SELECT value FROM json_each(?))
            ORDER BY dispute, position
            """
        ).map([.jsonArray(disputes)]) { RecordRow.Claim(dispute: $0.text(0), position: $0.int(1), claim: $0.text(2)) }
    }

    func figureRows(_ ids: [String]) throws -> [RecordRow.Figure] {
        try self.connection.cached(
            """
            SELECT id, subject, measure, value, qualifier, unit, date_edtf, date_text, high FROM figures
            WHERE id IN (SELECT value FROM json_each(?))
            """
        ).map([.jsonArray(ids)]) { row in
            RecordRow.Figure(
                id: row.text(0),
                subject: row.optionalText(1),
                measure: row.text(2),
                value: row.double(3),
                qualifier: row.text(4),
                unit: row.text(5),
                edtf: row.optionalText(6),
                dateText: row.optionalText(7),
                high: row.isNull(8) ? nil : row.double(8)
            )
        }
    }

    func citationRows(kind: String, owners: [String]) throws -> [RecordRow.Citation] {
        try self.connection.cached(
            """
            SELECT owner, doc, first, last, ref FROM citations
            WHERE owner_kind = ? AND owner IN (SELECT value FROM json_each(?)) ORDER BY owner, position
            """
        ).map([.text(kind), .jsonArray(owners)]) { row in
            RecordRow.Citation(
                owner: row.text(0),
                doc: row.text(1),
                first: row.int64(2),
                last: row.int64(3),
                ref: row.optionalText(4)
            )
        }
    }
}
