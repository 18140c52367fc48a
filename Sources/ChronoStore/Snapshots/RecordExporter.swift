internal import ChronoGraph
internal import ChronoProtocol
internal import Foundation

/// Reads records back out of the tables in the `Graph/` record format, as canonical JSON values.
///
/// The inverse of `RecordWriter`: what it writes, this reads back to the same record. Run it on one
/// connection inside one transaction so the export is one consistent state.
struct RecordExporter {
    let connection: Connection

    /// Every record, sorted by kind then id (byte order).
    func all() throws -> [CanonicalRecord] {
        var records: [CanonicalRecord] = []
        for kind in RecordKind.allCases.sorted() {
            let ids = try self.connection.prepare("SELECT id FROM \(kind.table)").map { $0.text(0) }
            let values = try self.records(kind: kind, ids: ids)
            for id in ids.sorted(by: CanonicalRecord.precedes) {
                guard let value = values[id] else { continue }
                records.append(CanonicalRecord(kind: kind, id: id, value: value))
            }
        }
        return records
    }

    /// The canonical line of record `kind`/`id`, or `nil` when there is none.
    func line(kind: RecordKind, id: String) throws -> String? {
        try self.records(kind: kind, ids: [id])[id].map(\.canonicalText)
    }

    /// The records of `kind` with `ids` that exist, by id.
    func records(kind: RecordKind, ids: [String]) throws -> [String: JSONValue] {
        let list = SQLiteValue.jsonArray(ids)
        switch kind {
        case .document: return try self.documents(list)
        case .entity: return try self.entities(list)
        case .event: return try self.events(list)
        case .relation: return try self.relations(list)
        case .dispute: return try self.disputes(list)
        case .figure: return try self.figures(list)
        }
    }

    private func documents(_ list: SQLiteValue) throws -> [String: JSONValue] {
        var records: [String: JSONValue] = [:]
        try self.connection.cached(
            "SELECT id, title, lines FROM documents WHERE id IN (SELECT value FROM json_each(?))"
        )
        .run([list]) { row in
            records[row.text(0)] = .object([
                "record": "document", "id": .string(row.text(0)), "title": .string(row.text(1)),
                "lines": .int(row.int64(2)),
            ])
        }
        return records
    }

    private func entities(_ list: SQLiteValue) throws -> [String: JSONValue] {
        let citations = try self.citations(kind: "entity", list)
        var aliases: [String: [JSONValue]] = [:]
        try self.connection.cached(
            """
            SELECT entity, alias FROM aliases WHERE entity IN (SELECT value FROM json_each(?)) AND position > 0
            ORDER BY entity, position
            """
        ).run([list]) { row in aliases[row.text(0), default: []].append(.string(row.text(1))) }
        var records: [String: JSONValue] = [:]
        try self.connection.cached(
            """
            SELECT id, kind, name, summary, number, attributes, dates FROM entities
            WHERE id IN (SELECT value FROM json_each(?))
            """
        ).run([list]) { row in
            let id = row.text(0)
            var object: [String: JSONValue] = [
                "record": "entity", "id": .string(id), "kind": .string(row.text(1)), "name": .string(row.text(2)),
                "summary": .string(row.text(3)), "aliases": .array(aliases[id] ?? []),
                "attributes": try Self.parse(row.text(5)), "citations": .array(citations[id] ?? []),
            ]
            if let number = row.optionalText(4) { object["number"] = .string(number) }
            if case .object(let dates) = try Self.parse(row.text(6)), !dates.isEmpty {
                object["dates"] = .object(dates.mapValues(Self.withoutNulls))
            }
            records[id] = .object(object)
        }
        return records
    }

    private func events(_ list: SQLiteValue) throws -> [String: JSONValue] {
        let citations = try self.citations(kind: "event", list)
        var participants: [String: [JSONValue]] = [:]
        try self.connection.cached(
            """
            SELECT e.id, p.entity, p.role FROM participants p JOIN events e ON e.rowid = p.event
            WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id, p.position
            """
        ).run([list]) { row in
            participants[row.text(0), default: []].append(
                .object(["entity": .string(row.text(1)), "role": .string(row.text(2))])
            )
        }
        var records: [String: JSONValue] = [:]
        try self.connection.cached(
            "SELECT id, type, title, summary, date_edtf, date_text FROM events WHERE id IN (SELECT value FROM json_each(?))"
        ).run([list]) { row in
            let id = row.text(0)
            records[id] = .object([
                "record": "event", "id": .string(id), "type": .string(row.text(1)), "title": .string(row.text(2)),
                "summary": .string(row.text(3)), "date": Self.date(row.text(4), row.optionalText(5)),
                "participants": .array(participants[id] ?? []), "citations": .array(citations[id] ?? []),
            ])
        }
        return records
    }

    private func relations(_ list: SQLiteValue) throws -> [String: JSONValue] {
        let citations = try self.citations(kind: "relation", list)
        var records: [String: JSONValue] = [:]
        try self.connection.cached(
            """
            SELECT id, type, from_id, to_id, date_edtf, date_text, summary FROM relations
            WHERE id IN (SELECT value FROM json_each(?))
            """
        ).run([list]) { row in
            let id = row.text(0)
            var object: [String: JSONValue] = [
                "record": "relation", "id": .string(id), "type": .string(row.text(1)), "from": .string(row.text(2)),
                "to": .string(row.text(3)), "citations": .array(citations[id] ?? []),
            ]
            if let edtf = row.optionalText(4) { object["date"] = Self.date(edtf, row.optionalText(5)) }
            if let summary = row.optionalText(6) { object["summary"] = .string(summary) }
            records[id] = .object(object)
        }
        return records
    }

    private func disputes(_ list: SQLiteValue) throws -> [String: JSONValue] {
        var claims: [String: [(owner: String, claim: String)]] = [:]
        try self.connection.cached(
            """
            SELECT dispute, position, claim FROM claims WHERE dispute IN (SELECT value FROM json_each(?))
            ORDER BY dispute, position
            """
        ).run([list]) { row in claims[row.text(0), default: []].append(("\(row.text(0))#\(row.int(1))", row.text(2))) }
        let owners = SQLiteValue.jsonArray(claims.values.flatMap { $0.map(\.owner) })
        let citations = try self.citations(kind: "claim", owners)
        var records: [String: JSONValue] = [:]
        try self.connection.cached(
            "SELECT id, subject, topic FROM disputes WHERE id IN (SELECT value FROM json_each(?))"
        )
        .run([list]) { row in
            let id = row.text(0)
            let list = (claims[id] ?? []).map { claim -> JSONValue in
                .object(["claim": .string(claim.claim), "citations": .array(citations[claim.owner] ?? [])])
            }
            var object: [String: JSONValue] = [
                "record": "dispute", "id": .string(id), "topic": .string(row.text(2)), "claims": .array(list),
            ]
            if let subject = row.optionalText(1) { object["subject"] = .string(subject) }
            records[id] = .object(object)
        }
        return records
    }

    private func figures(_ list: SQLiteValue) throws -> [String: JSONValue] {
        let citations = try self.citations(kind: "figure", list)
        var records: [String: JSONValue] = [:]
        try self.connection.cached(
            """
            SELECT id, subject, measure, value, qualifier, unit, date_edtf, date_text, high FROM figures
            WHERE id IN (SELECT value FROM json_each(?))
            """
        ).run([list]) { row in
            let id = row.text(0)
            var object: [String: JSONValue] = [
                "record": "figure", "id": .string(id), "measure": .string(row.text(2)), "value": .double(row.double(3)),
                "qualifier": .string(row.text(4)), "unit": .string(row.text(5)),
                "citations": .array(citations[id] ?? []),
            ]
            if let subject = row.optionalText(1) { object["subject"] = .string(subject) }
            if let edtf = row.optionalText(6) { object["date"] = Self.date(edtf, row.optionalText(7)) }
            if !row.isNull(8) { object["high"] = .double(row.double(8)) }
            records[id] = .object(object)
        }
        return records
    }

    /// Citations of the owners in `list` (a JSON array of ids), in stored order, by owner.
    private func citations(kind: String, _ list: SQLiteValue) throws -> [String: [JSONValue]] {
        var citations: [String: [JSONValue]] = [:]
        try self.connection.cached(
            """
            SELECT owner, doc, first, last, ref FROM citations
            WHERE owner_kind = ? AND owner IN (SELECT value FROM json_each(?)) ORDER BY owner, position
            """
        ).run([.text(kind), list]) { row in
            var citation: [String: JSONValue] = [
                "doc": .string(row.text(1)), "lines": .array([.int(row.int64(2)), .int(row.int64(3))]),
            ]
            if let ref = row.optionalText(4) { citation["ref"] = .string(ref) }
            citations[row.text(0), default: []].append(.object(citation))
        }
        return citations
    }

    private static func date(_ edtf: String, _ text: String?) -> JSONValue {
        var object: [String: JSONValue] = ["edtf": .string(edtf)]
        if let text { object["text"] = .string(text) }
        return .object(object)
    }

    private static func withoutNulls(_ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(members.filter { $0.value != .null })
    }

    private static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
