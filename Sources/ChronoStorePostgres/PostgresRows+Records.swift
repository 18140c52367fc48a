package import ChronoGraph
internal import ChronoProtocol
internal import ChronoStore
internal import PostgresNIO

extension PostgresRows {
    package func ref(_ id: String) throws -> EntityRef? {
        try self.refs([id])[id]
    }

    package func refs(_ ids: [String]) throws -> [String: EntityRef] {
        var refs: [String: EntityRef] = [:]
        for row in try self.rows("SELECT id, kind, name FROM entities WHERE id = ANY($1)", [.texts(ids)]) {
            let (id, kind, name) = try row.decode((String, String, String).self)
            refs[id] = EntityRef(id: id, kind: try StoredValue.kind(kind), name: name)
        }
        return refs
    }

    package func summaries(ofEntities ids: [String]) throws -> [String: String] {
        var summaries: [String: String] = [:]
        for row in try self.rows("SELECT id, summary FROM entities WHERE id = ANY($1)", [.texts(ids)]) {
            let (id, summary) = try row.decode((String, String).self)
            summaries[id] = summary
        }
        return summaries
    }

    package func eventKeys(ids: [String]) throws -> [String: Int64] {
        var keys: [String: Int64] = [:]
        for row in try self.rows("SELECT id, rowid FROM events WHERE id = ANY($1)", [.texts(ids)]) {
            let (id, key) = try row.decode((String, Int64).self)
            keys[id] = key
        }
        return keys
    }

    package func citations(kind: String, owners: [String]) throws -> [String: [Citation]] {
        var citations: [String: [Citation]] = [:]
        for row in try self.rows(
            """
            SELECT owner, doc, first, last, ref FROM citations WHERE owner_kind = $1 AND owner = ANY($2)
            ORDER BY owner, position
            """,
            [.text(kind), .texts(owners)]
        ) {
            let (owner, doc, first, last, ref) = try row.decode((String, String, Int, Int, String?).self)
            citations[owner, default: []].append(Citation(doc: doc, first: first, last: last, ref: ref))
        }
        return citations
    }

    package func entities(_ ids: [String]) throws -> [Entity] {
        let citations = try self.citations(kind: "entity", owners: ids)
        var aliases: [String: [String]] = [:]
        for row in try self.rows(
            "SELECT entity, alias FROM aliases WHERE entity = ANY($1) AND position > 0 ORDER BY entity, position",
            [.texts(ids)]
        ) {
            let (entity, alias) = try row.decode((String, String).self)
            aliases[entity, default: []].append(alias)
        }
        var entities: [String: Entity] = [:]
        for row in try self.rows(
            "SELECT id, kind, name, summary, number, attributes, dates FROM entities WHERE id = ANY($1)",
            [.texts(ids)]
        ) {
            let (id, kind, name, summary, number, attributes, dates) = try row.decode(
                (String, String, String, String, String?, String, String).self
            )
            entities[id] = Entity(
                id: id,
                kind: try StoredValue.kind(kind),
                name: name,
                aliases: aliases[id] ?? [],
                summary: summary,
                attributes: try StoredValue.attributes(attributes),
                number: number,
                dates: try StoredValue.entityDates(dates),
                citations: citations[id] ?? []
            )
        }
        return ids.compactMap { entities[$0] }
    }

    /// Participants come with their entities' references in one statement (an inner join: a participant whose
    /// entity is missing is left out, as SQLiteRows leaves out those without a reference).
    package func events(keys: [Int64]) throws -> [Event] {
        var participants: [Int64: [(record: ParticipantRecord, ref: EntityRef)]] = [:]
        for row in try self.rows(
            """
            SELECT p.event, p.entity, p.role, e.kind, e.name FROM participants p JOIN entities e ON e.id = p.entity
            WHERE p.event = ANY($1) ORDER BY p.event, p.position
            """,
            [.bigints(keys)]
        ) {
            let (event, entity, role, kind, name) = try row.decode((Int64, String, String, String, String).self)
            participants[event, default: []].append(
                (
                    ParticipantRecord(entity: entity, role: role),
                    EntityRef(id: entity, kind: try StoredValue.kind(kind), name: name)
                )
            )
        }
        var rows: [Int64: (id: String, type: String, title: String, summary: String, date: DateValue)] = [:]
        for row in try self.rows(
            "SELECT rowid, id, type, title, summary, date_edtf, date_text FROM events WHERE rowid = ANY($1)",
            [.bigints(keys)]
        ) {
            let (key, id, type, title, summary, edtf, text) = try row.decode(
                (Int64, String, String, String, String, String, String?).self
            )
            guard let date = try StoredValue.date(edtf, text: text) else { continue }
            rows[key] = (id, type, title, summary, date)
        }
        let citations = try self.citations(kind: "event", owners: rows.values.map(\.id))
        return keys.compactMap { key in
            guard let row = rows[key] else { return nil }
            let list = participants[key] ?? []
            let record = EventRecord(
                id: row.id,
                type: row.type,
                title: row.title,
                summary: row.summary,
                date: row.date,
                participants: list.map(\.record),
                citations: citations[row.id] ?? []
            )
            return Event(record, participants: list.map { Participant(entity: $0.ref, role: $0.record.role) })
        }
    }

    package func edges(_ ids: [String]) throws -> [Edge] {
        let citations = try self.citations(kind: "relation", owners: ids)
        var edges: [String: Edge] = [:]
        for row in try self.rows(
            "SELECT id, type, from_id, to_id, date_edtf, date_text, summary FROM relations WHERE id = ANY($1)",
            [.texts(ids)]
        ) {
            let (id, type, from, to, edtf, text, summary) = try row.decode(
                (String, String, String, String, String?, String?, String?).self
            )
            edges[id] = Edge(
                id: id,
                type: type,
                from: from,
                to: to,
                date: try StoredValue.date(edtf, text: text),
                summary: summary,
                citations: citations[id] ?? []
            )
        }
        return ids.compactMap { edges[$0] }
    }

    /// The edges read and encoded (this backend does not store their wire form).
    package func encodedEdges(_ ids: [String]) throws -> [EncodedEdge] {
        try self.edges(ids).map(EncodedEdge.init)
    }

    package func figures(_ ids: [String]) throws -> [Figure] {
        let citations = try self.citations(kind: "figure", owners: ids)
        var records: [String: FigureRecord] = [:]
        for row in try self.rows(
            """
            SELECT id, subject, measure, value, qualifier, unit, date_edtf, date_text, high FROM figures
            WHERE id = ANY($1)
            """,
            [.texts(ids)]
        ) {
            let (id, subject, measure, value, qualifier, unit, edtf, text, high) = try row.decode(
                (String, String?, String, Double, String, String, String?, String?, Double?).self
            )
            records[id] = FigureRecord(
                id: id,
                subject: subject,
                measure: measure,
                value: value,
                high: high,
                qualifier: FigureQualifier(rawValue: qualifier) ?? .exact,
                unit: unit,
                date: try StoredValue.date(edtf, text: text),
                citations: citations[id] ?? []
            )
        }
        let refs = try self.refs(records.values.compactMap(\.subject))
        return ids.compactMap { id in
            records[id].map { record in Figure(record, subject: record.subject.flatMap { refs[$0] }) }
        }
    }

    package func disputes(_ ids: [String]) throws -> [Dispute] {
        var claims: [String: [(owner: String, claim: String)]] = [:]
        for row in try self.rows(
            "SELECT dispute, position, claim FROM claims WHERE dispute = ANY($1) ORDER BY dispute, position",
            [.texts(ids)]
        ) {
            let (dispute, position, claim) = try row.decode((String, Int, String).self)
            claims[dispute, default: []].append(("\(dispute)#\(position)", claim))
        }
        let citations = try self.citations(kind: "claim", owners: claims.values.flatMap { $0.map(\.owner) })
        var rows: [String: (subject: String?, topic: String)] = [:]
        for row in try self.rows("SELECT id, subject, topic FROM disputes WHERE id = ANY($1)", [.texts(ids)]) {
            let (id, subject, topic) = try row.decode((String, String?, String).self)
            rows[id] = (subject, topic)
        }
        let refs = try self.refs(rows.values.compactMap(\.subject))
        return ids.compactMap { id in
            guard let row = rows[id] else { return nil }
            let list = (claims[id] ?? []).map { Claim(claim: $0.claim, citations: citations[$0.owner] ?? []) }
            return Dispute(id: id, subject: row.subject.flatMap { refs[$0] }, topic: row.topic, claims: list)
        }
    }
}
