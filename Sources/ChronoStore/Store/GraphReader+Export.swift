internal import ChronoGraph

extension GraphReader {
    /// Every stored record, in the `Graph/` record model: documents, entities, events, relations, disputes,
    /// figures, each kind by id.
    func export() throws -> [GraphRecord] {
        var records: [GraphRecord] = []
        try self.connection.cached("SELECT id, title, lines FROM documents ORDER BY id").run { row in
            records.append(.document(DocumentRecord(id: row.text(0), title: row.text(1), lines: row.int(2))))
        }
        let entityIDs = try self.connection.cached("SELECT id FROM entities ORDER BY id").map { $0.text(0) }
        records += try self.entities(entityIDs).map { entity in
            .entity(
                EntityRecord(
                    id: entity.ref.id,
                    kind: entity.ref.kind,
                    name: entity.ref.name,
                    aliases: entity.aliases,
                    summary: entity.summary,
                    attributes: entity.attributes,
                    number: entity.number,
                    dates: entity.dates,
                    citations: entity.citations
                )
            )
        }
        try self.context.check()
        let eventRowids = try self.connection.cached("SELECT rowid FROM events ORDER BY id").map { $0.int64(0) }
        records += try self.events(rowids: eventRowids).map { event in
            .event(
                EventRecord(
                    id: event.id,
                    type: event.type,
                    title: event.title,
                    summary: event.summary,
                    date: event.date,
                    participants: event.participants.map { ParticipantRecord(entity: $0.entity.id, role: $0.role) },
                    citations: event.citations
                )
            )
        }
        try self.context.check()
        let relationIDs = try self.connection.cached("SELECT id FROM relations ORDER BY id").map { $0.text(0) }
        records += try self.edges(relationIDs).map { edge in
            .relation(
                RelationRecord(
                    id: edge.id,
                    type: edge.type,
                    from: edge.from,
                    to: edge.to,
                    date: edge.date,
                    summary: edge.summary,
                    citations: edge.citations
                )
            )
        }
        records += try self.exportDisputes() + self.exportFigures()
        return records
    }

    /// Disputes with their subject ids as stored (the wire form keeps only entity subjects).
    private func exportDisputes() throws -> [GraphRecord] {
        var subjects: [String: String] = [:]
        let ids = try self.connection.cached("SELECT id, subject FROM disputes ORDER BY id").map { row in
            if let subject = row.optionalText(1) { subjects[row.text(0)] = subject }
            return row.text(0)
        }
        return try self.disputes(ids).map { dispute in
            .dispute(
                DisputeRecord(
                    id: dispute.id,
                    subject: subjects[dispute.id],
                    topic: dispute.topic,
                    claims: dispute.claims
                )
            )
        }
    }

    /// Figures with their subject ids as stored.
    private func exportFigures() throws -> [GraphRecord] {
        var subjects: [String: String] = [:]
        let ids = try self.connection.cached("SELECT id, subject FROM figures ORDER BY id").map { row in
            if let subject = row.optionalText(1) { subjects[row.text(0)] = subject }
            return row.text(0)
        }
        return try self.figures(ids).map { figure in
            .figure(
                FigureRecord(
                    id: figure.id,
                    subject: subjects[figure.id],
                    measure: figure.measure,
                    value: figure.value,
                    qualifier: figure.qualifier,
                    unit: figure.unit,
                    date: figure.date,
                    citations: figure.citations
                )
            )
        }
    }
}
