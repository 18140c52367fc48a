internal import ChronoGraph
internal import Foundation

/// Inserts validated records into the tables, the search index and the change log, on one connection.
///
/// Run inside a write transaction; every statement is cached and binds all its values.
struct RecordWriter {
    let connection: Connection
    /// The revision recorded in the change log.
    let revision: Int64

    /// Inserts `record`; with `logging`, also appends an `insert` to the change log at `revision`.
    func insert(_ record: GraphRecord, logging: Bool = true) throws {
        switch record {
        case .document(let document):
            try self.connection.cached("INSERT INTO documents(id, title, lines) VALUES (?, ?, ?)")
                .run([.text(document.id), .text(document.title), .int(document.lines)])
        case .entity(let entity): try self.insert(entity)
        case .event(let event): try self.insert(event)
        case .relation(let relation): try self.insert(relation)
        case .dispute(let dispute): try self.insert(dispute)
        case .figure(let figure): try self.insert(figure)
        }
        if let search = RecordColumns.search(record) {
            try self.connection.cached(
                "INSERT INTO search(owner_kind, owner, name, aliases, title, summary, claims) VALUES (?, ?, ?, ?, ?, ?, ?)"
            ).run([
                .text(search.ownerKind), .text(search.owner), .text(search.name), .text(search.aliases),
                .text(search.title), .text(search.summary), .text(search.claims),
            ])
        }
        guard logging else { return }
        try self.connection.cached("INSERT INTO changes(revision, kind, id, op) VALUES (?, ?, ?, 'insert')")
            .run([.integer(self.revision), .text(record.kind.rawValue), .text(record.id)])
    }

    private func insert(_ entity: EntityRecord) throws {
        try self.connection.cached(
            """
            INSERT INTO entities(id, kind, family, name, summary, number, attributes, dates)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .text(entity.id), .text(entity.kind.rawValue), .text(entity.kind.family.rawValue), .text(entity.name),
            .text(entity.summary), .optionalText(entity.number), .text(try RecordColumns.attributes(entity)),
            .text(try RecordColumns.dates(entity)),
        ])
        for (position, alias, normalized) in RecordColumns.aliases(entity) {
            try self.connection.cached("INSERT INTO aliases(entity, position, alias, normalized) VALUES (?, ?, ?, ?)")
                .run([.text(entity.id), .int(position), .text(alias), .text(normalized)])
        }
        try self.insertCitations(entity.citations, kind: "entity", owner: entity.id)
    }

    private func insert(_ event: EventRecord) throws {
        let bounds = DateColumns(event.date.edtf)
        try self.connection.cached(
            """
            INSERT INTO events(id, type, title, summary, date_edtf, date_text, lower, upper, fuzzy_lower,
                               fuzzy_upper, precision, span_class)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .text(event.id), .text(event.type), .text(event.title), .text(event.summary), .text(event.date.edtf.edtf),
            .optionalText(event.date.text), .integer(bounds.lower), .integer(bounds.upper),
            .integer(bounds.fuzzyLower), .integer(bounds.fuzzyUpper), .int(bounds.precision),
            .integer(bounds.spanClass),
        ])
        let rowid = self.connection.lastInsertRowID
        for (position, participant) in event.participants.enumerated() {
            try self.connection.cached("INSERT INTO participants(event, position, entity, role) VALUES (?, ?, ?, ?)")
                .run([.integer(rowid), .int(position), .text(participant.entity), .text(participant.role)])
        }
        try self.insertCitations(event.citations, kind: "event", owner: event.id)
    }

    private func insert(_ relation: RelationRecord) throws {
        let bounds = relation.date.map { DateColumns($0.edtf) }
        try self.connection.cached(
            """
            INSERT INTO relations(id, type, from_id, to_id, date_edtf, date_text, fuzzy_lower, fuzzy_upper, summary,
                                  wire)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .text(relation.id), .text(relation.type), .text(relation.from), .text(relation.to),
            .optionalText(relation.date?.edtf.edtf), .optionalText(relation.date?.text),
            bounds.map { .integer($0.fuzzyLower) } ?? .null, bounds.map { .integer($0.fuzzyUpper) } ?? .null,
            .optionalText(relation.summary), .blob(try RelationWireForm.encode(relation)),
        ])
        try self.insertCitations(relation.citations, kind: "relation", owner: relation.id)
    }

    private func insert(_ dispute: DisputeRecord) throws {
        try self.connection.cached("INSERT INTO disputes(id, subject, topic) VALUES (?, ?, ?)")
            .run([.text(dispute.id), .optionalText(dispute.subject), .text(dispute.topic)])
        for (position, claim) in dispute.claims.enumerated() {
            try self.connection.cached("INSERT INTO claims(dispute, position, claim) VALUES (?, ?, ?)")
                .run([.text(dispute.id), .int(position), .text(claim.claim)])
            try self.insertCitations(
                claim.citations,
                kind: "claim",
                owner: RecordColumns.claimOwner(dispute: dispute.id, position: position)
            )
        }
    }

    private func insert(_ figure: FigureRecord) throws {
        let bounds = figure.date.map { DateColumns($0.edtf) }
        try self.connection.cached(
            """
            INSERT INTO figures(id, subject, measure, value, qualifier, unit, date_edtf, date_text, fuzzy_lower,
                                fuzzy_upper, high)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).run([
            .text(figure.id), .optionalText(figure.subject), .text(figure.measure), .real(figure.value),
            .text(figure.qualifier.rawValue), .text(figure.unit), .optionalText(figure.date?.edtf.edtf),
            .optionalText(figure.date?.text), bounds.map { .integer($0.fuzzyLower) } ?? .null,
            bounds.map { .integer($0.fuzzyUpper) } ?? .null, figure.high.map { .real($0) } ?? .null,
        ])
        try self.insertCitations(figure.citations, kind: "figure", owner: figure.id)
    }

    private func insertCitations(_ citations: [Citation], kind: String, owner: String) throws {
        for (position, citation) in citations.enumerated() {
            try self.connection.cached(
                "INSERT INTO citations(owner_kind, owner, position, doc, first, last, ref) VALUES (?, ?, ?, ?, ?, ?, ?)"
            ).run([
                .text(kind), .text(owner), .int(position), .text(citation.doc), .int(citation.first),
                .int(citation.last), .optionalText(citation.ref),
            ])
        }
    }

    /// Records in an order where every record comes after those it refers to (documents first).
    static func dependencyOrder(_ records: [LocatedRecord]) -> [LocatedRecord] {
        let rank: [RecordKind: Int] = [.document: 0, .entity: 1, .event: 2, .relation: 3, .dispute: 4, .figure: 5]
        return records.enumerated()
            .sorted { (rank[$0.element.record.kind]!, $0.offset) < (rank[$1.element.record.kind]!, $1.offset) }
            .map(\.element)
    }

    /// Encodes `value` as compact JSON with sorted keys.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
