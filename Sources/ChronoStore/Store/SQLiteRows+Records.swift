internal import ChronoGraph
internal import ChronoProtocol

extension SQLiteRows {
    func ref(_ id: String) throws -> EntityRef? {
        try self.connection.cached("SELECT id, kind, name FROM entities WHERE id = ?").first([.text(id)]) { row in
            EntityRef(id: row.text(0), kind: try StoredValue.kind(row.text(1)), name: row.text(2))
        }
    }

    func refs(_ ids: [String]) throws -> [String: EntityRef] {
        var refs: [String: EntityRef] = [:]
        refs.reserveCapacity(ids.count)
        try self.connection.cached(
            "SELECT e.id, e.kind, e.name FROM json_each(?) AS list CROSS JOIN entities e ON e.id = list.value"
        ).run([.jsonArray(ids)]) { row in
            let id = row.text(0)
            refs[id] = EntityRef(id: id, kind: try StoredValue.kind(row.text(1)), name: row.text(2))
        }
        return refs
    }

    func summaries(ofEntities ids: [String]) throws -> [String: String] {
        var summaries: [String: String] = [:]
        try self.connection.cached(
            "SELECT e.id, e.summary FROM json_each(?) AS list CROSS JOIN entities e ON e.id = list.value"
        )
        .run([.jsonArray(ids)]) { row in summaries[row.text(0)] = row.text(1) }
        return summaries
    }

    func eventKeys(ids: [String]) throws -> [String: Int64] {
        var keys: [String: Int64] = [:]
        try self.connection.cached(
            "SELECT e.id, e.rowid FROM json_each(?) AS list CROSS JOIN events e ON e.id = list.value"
        )
        .run([.jsonArray(ids)]) { row in keys[row.text(0)] = row.int64(1) }
        return keys
    }

    /// The citations of each owner listed in `?2` (distinct) of kind `?1`, each owner's in `position` order: the
    /// list drives the loop, and each owner's rows are read in primary-key order (`QueryPlanTests` checks).
    static let citationsOfOwners = """
        SELECT c.owner, c.doc, c.first, c.last, c.ref FROM json_each(?2) AS list
        CROSS JOIN citations c ON c.owner_kind = ?1 AND c.owner = list.value
        """

    /// The participants of each event listed in `?` (distinct rowids) with their entity's reference (NULLs for a
    /// missing entity), each event's in `position` order, read as `citationsOfOwners` reads citations.
    static let participantsOfEvents = """
        SELECT p.event, p.entity, p.role, e.kind, e.name FROM json_each(?) AS list
        CROSS JOIN participants p ON p.event = list.value LEFT JOIN entities e ON e.id = p.entity
        """

    func citations(kind: String, owners: [String]) throws -> [String: [Citation]] {
        var citations: [String: [Citation]] = [:]
        try self.connection.cached(Self.citationsOfOwners).run([.text(kind), .jsonArray(Set(owners))]) { row in
            citations[row.text(0), default: []].append(
                Citation(doc: row.text(1), first: row.int(2), last: row.int(3), ref: row.optionalText(4))
            )
        }
        return citations
    }

    func entities(_ ids: [String]) throws -> [Entity] {
        let citations = try self.citations(kind: "entity", owners: ids)
        var aliases: [String: [String]] = [:]
        try self.connection.cached(
            """
            SELECT entity, alias FROM aliases WHERE entity IN (SELECT value FROM json_each(?)) AND position > 0
            ORDER BY entity, position
            """
        ).run([.jsonArray(ids)]) { row in aliases[row.text(0), default: []].append(row.text(1)) }
        var entities: [String: Entity] = [:]
        try self.connection.cached(
            """
            SELECT e.id, e.kind, e.name, e.summary, e.number, e.attributes, e.dates
            FROM json_each(?) AS list CROSS JOIN entities e ON e.id = list.value
            """
        ).run([.jsonArray(ids)]) { row in
            let id = row.text(0)
            entities[id] = Entity(
                id: id,
                kind: try StoredValue.kind(row.text(1)),
                name: row.text(2),
                aliases: aliases[id] ?? [],
                summary: row.text(3),
                attributes: try StoredValue.attributes(row.text(5)),
                number: row.optionalText(4),
                dates: try StoredValue.entityDates(row.text(6)),
                citations: citations[id] ?? []
            )
        }
        return ids.compactMap { entities[$0] }
    }

    func events(keys: [Int64]) throws -> [Event] {
        let list = SQLiteValue.jsonArray(keys)
        // Each participant with its entity's reference, in one statement (a missing entity reads as NULLs).
        var participants: [Int64: [(record: ParticipantRecord, ref: EntityRef?)]] = [:]
        try self.connection.cached(Self.participantsOfEvents).run([.jsonArray(Array(Set(keys)))]) { row in
            let entity = row.text(1)
            let ref =
                row.isNull(3) ? nil : EntityRef(id: entity, kind: try StoredValue.kind(row.text(3)), name: row.text(4))
            participants[row.int64(0), default: []].append((ParticipantRecord(entity: entity, role: row.text(2)), ref))
        }
        // Each listed event with its citations, in list order (`eventsWithCitations`).
        var records: [(key: Int64, record: EventRecord)] = []
        records.reserveCapacity(keys.count)
        var listed = -1
        try self.connection.cached(Self.eventsWithCitations).run([list]) { row in
            if row.int(0) != listed {
                listed = row.int(0)
                let id = row.text(2)
                guard let date = try StoredValue.date(row.text(6), text: row.optionalText(7)) else {
                    throw ChronoError.dataLoss("event \"\(id)\" has no date")
                }
                let record = EventRecord(
                    id: id,
                    type: row.text(3),
                    title: row.text(4),
                    summary: row.text(5),
                    date: date,
                    participants: [],
                    citations: []
                )
                records.append((row.int64(1), record))
            }
            guard !row.isNull(8) else { return }
            records[records.count - 1].record.citations.append(
                Citation(doc: row.text(8), first: row.int(9), last: row.int(10), ref: row.optionalText(11))
            )
        }
        return records.map { key, record in
            var record = record
            let taking = participants[key] ?? []
            record.participants = taking.map(\.record)
            let people = taking.compactMap { taking in
                taking.ref.map { Participant(entity: $0, role: taking.record.role) }
            }
            return Event(record, participants: people)
        }
    }

    /// Each event listed in `?` (storage keys) with its citations: one row per citation, the events in list
    /// order (duplicates repeated, unknown keys skipped), each one's citations in position order; `list.key`
    /// tells where one event's rows end (`QueryPlanTests` checks the plan).
    static let eventsWithCitations = """
        SELECT list.key, e.rowid, e.id, e.type, e.title, e.summary, e.date_edtf, e.date_text,
        c.doc, c.first, c.last, c.ref FROM json_each(?) AS list CROSS JOIN events e ON e.rowid = list.value
        LEFT JOIN citations c ON c.owner_kind = 'event' AND c.owner = e.id
        """

    /// Each relation listed in `?` with its citations: one row per citation (each relation has at least one),
    /// the relations in list order (duplicates repeated, unknown ids skipped), each one's citations in position
    /// order. `list.key` (the list index) tells where one relation's rows end (`QueryPlanTests` checks the plan).
    static let relationsWithCitations = """
        SELECT list.key, r.id, r.type, r.from_id, r.to_id, r.date_edtf, r.date_text, r.summary,
        c.doc, c.first, c.last, c.ref FROM json_each(?) AS list CROSS JOIN relations r ON r.id = list.value
        LEFT JOIN citations c ON c.owner_kind = 'relation' AND c.owner = r.id
        """

    func edges(_ ids: [String]) throws -> [Edge] {
        var edges: [Edge] = []
        edges.reserveCapacity(ids.count)
        var listed = -1
        try self.connection.cached(Self.relationsWithCitations).run([.jsonArray(ids)]) { row in
            if row.int(0) != listed {
                listed = row.int(0)
                edges.append(
                    Edge(
                        id: row.text(1),
                        type: row.text(2),
                        from: row.text(3),
                        to: row.text(4),
                        date: try StoredValue.date(row.optionalText(5), text: row.optionalText(6)),
                        summary: row.optionalText(7),
                        citations: []
                    )
                )
            }
            guard !row.isNull(8) else { return }
            edges[edges.count - 1].citations.append(
                Citation(doc: row.text(8), first: row.int(9), last: row.int(10), ref: row.optionalText(11))
            )
        }
        return edges
    }

    /// Each relation listed in `?` with its stored wire form, in list order (unknown ids skipped).
    static let relationWireForms = """
        SELECT r.id, r.wire FROM json_each(?) AS list CROSS JOIN relations r ON r.id = list.value
        """

    func encodedEdges(_ ids: [String]) throws -> [EncodedEdge] {
        var edges: [EncodedEdge] = []
        edges.reserveCapacity(ids.count)
        try self.connection.cached(Self.relationWireForms).run([.jsonArray(ids)]) { row in
            let id = row.text(0)
            let json = row.blob(1)
            guard !json.isEmpty else { throw ChronoError.dataLoss("relation \"\(id)\" has no stored wire form") }
            edges.append(EncodedEdge(id: id, json: json))
        }
        return edges
    }

    func figures(_ ids: [String]) throws -> [Figure] {
        let citations = try self.citations(kind: "figure", owners: ids)
        var records: [String: FigureRecord] = [:]
        try self.connection.cached(
            """
            SELECT f.id, f.subject, f.measure, f.value, f.qualifier, f.unit, f.date_edtf, f.date_text, f.high
            FROM json_each(?) AS list CROSS JOIN figures f ON f.id = list.value
            """
        ).run([.jsonArray(ids)]) { row in
            let id = row.text(0)
            let qualifier = FigureQualifier(rawValue: row.text(4)) ?? .exact
            records[id] = FigureRecord(
                id: id,
                subject: row.optionalText(1),
                measure: row.text(2),
                value: row.double(3),
                high: row.isNull(8) ? nil : row.double(8),
                qualifier: qualifier,
                unit: row.text(5),
                date: try StoredValue.date(row.optionalText(6), text: row.optionalText(7)),
                citations: citations[id] ?? []
            )
        }
        let refs = try self.refs(records.values.compactMap(\.subject))
        return ids.compactMap { id in
            records[id].map { record in Figure(record, subject: record.subject.flatMap { refs[$0] }) }
        }
    }

    func disputes(_ ids: [String]) throws -> [Dispute] {
        var claims: [String: [(owner: String, claim: String)]] = [:]
        try self.connection.cached(
            """
            SELECT dispute, position, claim FROM claims WHERE dispute IN (SELECT value FROM json_each(?))
            ORDER BY dispute, position
            """
        ).run([.jsonArray(ids)]) { row in
            claims[row.text(0), default: []].append(("\(row.text(0))#\(row.int(1))", row.text(2)))
        }
        let citations = try self.citations(kind: "claim", owners: claims.values.flatMap { $0.map(\.owner) })
        var rows: [String: (subject: String?, topic: String)] = [:]
        try self.connection.cached(
            "SELECT d.id, d.subject, d.topic FROM json_each(?) AS list CROSS JOIN disputes d ON d.id = list.value"
        )
        .run([.jsonArray(ids)]) { row in rows[row.text(0)] = (row.optionalText(1), row.text(2)) }
        let refs = try self.refs(rows.values.compactMap(\.subject))
        return ids.compactMap { id in
            guard let row = rows[id] else { return nil }
            let list = (claims[id] ?? []).map { Claim(claim: $0.claim, citations: citations[$0.owner] ?? []) }
            return Dispute(id: id, subject: row.subject.flatMap { refs[$0] }, topic: row.topic, claims: list)
        }
    }
}
