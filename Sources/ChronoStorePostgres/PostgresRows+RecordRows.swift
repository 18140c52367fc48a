package import ChronoGraph
package import ChronoStore
internal import PostgresNIO

/// PostgreSQL's `RecordRowSource`: the stored rows `RecordExporter` shapes into canonical records, so both
/// backends give byte-identical lines. Parts come in position order within each owner.
extension PostgresRows: RecordRowSource {
    /// Paged in key order from the kind's `<table>_id_bytes` index: `id COLLATE "C"` orders by UTF-8 bytes, which
    /// is the canonical order, while the primary key follows the database's collation (schema version 3).
    package func recordIDs(of kind: RecordKind) throws -> RecordIDs {
        let table = kind.table
        return RecordIDs { after, limit in
            guard let after else {
                return try self.rows(
                    "SELECT id FROM \(table) ORDER BY id COLLATE \"C\" LIMIT $1",
                    [.bigint(Int64(limit))]
                ).map { try $0.decode(String.self) }
            }
            return try self.rows(
                "SELECT id FROM \(table) WHERE id COLLATE \"C\" > $1 ORDER BY id COLLATE \"C\" LIMIT $2",
                [.text(after), .bigint(Int64(limit))]
            ).map { try $0.decode(String.self) }
        }
    }

    package func documentRows(_ ids: [String]) throws -> [RecordRow.Document] {
        try self.rows("SELECT id, title, lines FROM documents WHERE id = ANY($1)", [.texts(ids)]).map { row in
            let (id, title, lines) = try row.decode((String, String, Int64).self)
            return RecordRow.Document(id: id, title: title, lines: lines)
        }
    }

    package func entityRows(_ ids: [String]) throws -> [RecordRow.Entity] {
        try self.rows(
            "SELECT id, kind, name, summary, number, attributes, dates FROM entities WHERE id = ANY($1)",
            [.texts(ids)]
        ).map { row in
            let (id, kind, name, summary, number, attributes, dates) = try row.decode(
                (String, String, String, String, String?, String, String).self
            )
            return RecordRow.Entity(
                id: id,
                kind: kind,
                name: name,
                summary: summary,
                number: number,
                attributes: attributes,
                dates: dates
            )
        }
    }

    package func aliasRows(_ entities: [String]) throws -> [RecordRow.Alias] {
        try self.rows(
            "SELECT entity, alias FROM aliases WHERE entity = ANY($1) AND position > 0 ORDER BY entity, position",
            [.texts(entities)]
        ).map { row in
            let (entity, alias) = try row.decode((String, String).self)
            return RecordRow.Alias(entity: entity, alias: alias)
        }
    }

    package func eventRows(_ ids: [String]) throws -> [RecordRow.Event] {
        try self.rows(
            "SELECT id, type, title, summary, date_edtf, date_text FROM events WHERE id = ANY($1)",
            [.texts(ids)]
        ).map { row in
            let (id, type, title, summary, edtf, text) = try row.decode(
                (String, String, String, String, String, String?).self
            )
            return RecordRow.Event(id: id, type: type, title: title, summary: summary, edtf: edtf, dateText: text)
        }
    }

    package func participantRows(_ events: [String]) throws -> [RecordRow.Participant] {
        try self.rows(
            """
            SELECT e.id, p.entity, p.role FROM participants p JOIN events e ON e.rowid = p.event
            WHERE e.id = ANY($1) ORDER BY e.id, p.position
            """,
            [.texts(events)]
        ).map { row in
            let (event, entity, role) = try row.decode((String, String, String).self)
            return RecordRow.Participant(event: event, entity: entity, role: role)
        }
    }

    package func relationRows(_ ids: [String]) throws -> [RecordRow.Relation] {
        try self.rows(
            "SELECT id, type, from_id, to_id, date_edtf, date_text, summary FROM relations WHERE id = ANY($1)",
            [.texts(ids)]
        ).map { row in
            let (id, type, from, to, edtf, text, summary) = try row.decode(
                (String, String, String, String, String?, String?, String?).self
            )
            return RecordRow.Relation(
                id: id,
                type: type,
                from: from,
                to: to,
                edtf: edtf,
                dateText: text,
                summary: summary
            )
        }
    }

    package func disputeRows(_ ids: [String]) throws -> [RecordRow.Dispute] {
        try self.rows("SELECT id, subject, topic FROM disputes WHERE id = ANY($1)", [.texts(ids)]).map { row in
            let (id, subject, topic) = try row.decode((String, String?, String).self)
            return RecordRow.Dispute(id: id, subject: subject, topic: topic)
        }
    }

    package func claimRows(_ disputes: [String]) throws -> [RecordRow.Claim] {
        try self.rows(
            "SELECT dispute, position, claim FROM claims WHERE dispute = ANY($1) ORDER BY dispute, position",
            [.texts(disputes)]
        ).map { row in
            let (dispute, position, claim) = try row.decode((String, Int, String).self)
            return RecordRow.Claim(dispute: dispute, position: position, claim: claim)
        }
    }

    package func figureRows(_ ids: [String]) throws -> [RecordRow.Figure] {
        try self.rows(
            """
            SELECT id, subject, measure, value, qualifier, unit, date_edtf, date_text, high FROM figures
            WHERE id = ANY($1)
            """,
            [.texts(ids)]
        ).map { row in
            let (id, subject, measure, value, qualifier, unit, edtf, text, high) = try row.decode(
                (String, String?, String, Double, String, String, String?, String?, Double?).self
            )
            return RecordRow.Figure(
                id: id,
                subject: subject,
                measure: measure,
                value: value,
                qualifier: qualifier,
                unit: unit,
                edtf: edtf,
                dateText: text,
                high: high
            )
        }
    }

    package func citationRows(kind: String, owners: [String]) throws -> [RecordRow.Citation] {
        try self.rows(
            """
            SELECT owner, doc, first, last, ref FROM citations WHERE owner_kind = $1 AND owner = ANY($2)
            ORDER BY owner, position
            """,
            [.text(kind), .texts(owners)]
        ).map { row in
            let (owner, doc, first, last, ref) = try row.decode((String, String, Int64, Int64, String?).self)
            return RecordRow.Citation(owner: owner, doc: doc, first: first, last: last, ref: ref)
        }
    }
}
