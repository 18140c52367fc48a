package import ChronoGraph
package import ChronoProtocol
internal import Foundation

/// Reads records back out of the tables in the `Graph/` record format, as canonical JSON values: the one place
/// that shapes a record's JSON from its stored rows, whichever backend reads them (`RecordRowSource`).
///
/// The inverse of `RecordWriter`: what it writes, this reads back to the same record. Run it inside one
/// transaction so the export is one consistent state.
package struct RecordExporter<Rows: RecordRowSource> {
    package let rows: Rows

    package init(rows: Rows) {
        self.rows = rows
    }

    /// Every record, sorted by kind then id (byte order).
    package func all() throws -> [CanonicalRecord] {
        var records = self.records()
        return try records.collect()
    }

    /// Every record, sorted by kind then id (byte order), read `batchSize` at a time: memory holds one batch of
    /// ids and records (and, where the backend sorts them, one kind's ids: `RecordIDs`), whatever the graph's size.
    package func records(batchSize: Int = 1_000) -> Records {
        Records(exporter: self, batchSize: max(1, batchSize))
    }

    /// The stream `records(batchSize:)` returns.
    package struct Records: CanonicalRecordStream {
        private let exporter: RecordExporter
        private let batchSize: Int
        private var kinds = RecordKind.allCases.sorted()[...]
        private var current: (kind: RecordKind, ids: RecordIDs)?
        private var batch: [CanonicalRecord] = []
        private var batchPosition = 0

        fileprivate init(exporter: RecordExporter, batchSize: Int) {
            self.exporter = exporter
            self.batchSize = batchSize
        }

        package mutating func next() throws -> CanonicalRecord? {
            while self.batchPosition == self.batch.count {
                guard try self.readBatch() else { return nil }
            }
            defer { self.batchPosition += 1 }
            return self.batch[self.batchPosition]
        }

        /// Reads the next batch (moving to the next kind when this one is done); `false` after the last kind.
        private mutating func readBatch() throws -> Bool {
            while true {
                if let (kind, ids) = self.current {
                    let slice = try ids.next(self.batchSize)
                    if !slice.isEmpty {
                        let values = try self.exporter.records(kind: kind, ids: slice)
                        self.batch = slice.compactMap { id in
                            values[id].map { CanonicalRecord(kind: kind, id: id, value: $0) }
                        }
                        self.batchPosition = 0
                        return true
                    }
                }
                guard let next = self.kinds.popFirst() else { return false }
                self.current = (next, try self.exporter.rows.recordIDs(of: next))
            }
        }
    }

    /// The canonical line of record `kind`/`id`, or `nil` when there is none.
    package func line(kind: RecordKind, id: String) throws -> String? {
        try self.records(kind: kind, ids: [id])[id].map(\.canonicalText)
    }

    /// The canonical lines of the records with `keys` that exist, by key: one read per kind present.
    package func lines(_ keys: some Sequence<RecordKey>) throws -> [RecordKey: String] {
        var lines: [RecordKey: String] = [:]
        for (kind, ids) in Dictionary(grouping: keys.map { ($0.kind, $0.id) }, by: \.0) {
            for (id, value) in try self.records(kind: kind, ids: ids.map(\.1)) {
                lines[RecordKey(kind: kind, id: id)] = value.canonicalText
            }
        }
        return lines
    }

    /// The records of `kind` with `ids` that exist, by id.
    package func records(kind: RecordKind, ids: [String]) throws -> [String: JSONValue] {
        switch kind {
        case .document: return try self.documents(ids)
        case .entity: return try self.entities(ids)
        case .event: return try self.events(ids)
        case .relation: return try self.relations(ids)
        case .dispute: return try self.disputes(ids)
        case .figure: return try self.figures(ids)
        }
    }

    private func documents(_ ids: [String]) throws -> [String: JSONValue] {
        var records: [String: JSONValue] = [:]
        for row in try self.rows.documentRows(ids) {
            records[row.id] = .object([
                "record": "document", "id": .string(row.id), "title": .string(row.title), "lines": .int(row.lines),
            ])
        }
        return records
    }

    private func entities(_ ids: [String]) throws -> [String: JSONValue] {
        let citations = try self.citations(kind: "entity", ids)
        var aliases: [String: [JSONValue]] = [:]
        for row in try self.rows.aliasRows(ids) { aliases[row.entity, default: []].append(.string(row.alias)) }
        var records: [String: JSONValue] = [:]
        for row in try self.rows.entityRows(ids) {
            var object: [String: JSONValue] = [
                "record": "entity", "id": .string(row.id), "kind": .string(row.kind), "name": .string(row.name),
                "summary": .string(row.summary), "aliases": .array(aliases[row.id] ?? []),
                "attributes": try CanonicalShape.parse(row.attributes), "citations": .array(citations[row.id] ?? []),
            ]
            if let number = row.number { object["number"] = .string(number) }
            if case .object(let dates) = try CanonicalShape.parse(row.dates), !dates.isEmpty {
                object["dates"] = .object(dates.mapValues(CanonicalShape.withoutNulls))
            }
            records[row.id] = .object(object)
        }
        return records
    }

    private func events(_ ids: [String]) throws -> [String: JSONValue] {
        let citations = try self.citations(kind: "event", ids)
        var participants: [String: [JSONValue]] = [:]
        for row in try self.rows.participantRows(ids) {
            participants[row.event, default: []].append(
                .object(["entity": .string(row.entity), "role": .string(row.role)])
            )
        }
        var records: [String: JSONValue] = [:]
        for row in try self.rows.eventRows(ids) {
            records[row.id] = .object([
                "record": "event", "id": .string(row.id), "type": .string(row.type), "title": .string(row.title),
                "summary": .string(row.summary), "date": CanonicalShape.date(row.edtf, row.dateText),
                "participants": .array(participants[row.id] ?? []), "citations": .array(citations[row.id] ?? []),
            ])
        }
        return records
    }

    private func relations(_ ids: [String]) throws -> [String: JSONValue] {
        let citations = try self.citations(kind: "relation", ids)
        var records: [String: JSONValue] = [:]
        for row in try self.rows.relationRows(ids) {
            var object: [String: JSONValue] = [
                "record": "relation", "id": .string(row.id), "type": .string(row.type), "from": .string(row.from),
                "to": .string(row.to), "citations": .array(citations[row.id] ?? []),
            ]
            if let edtf = row.edtf { object["date"] = CanonicalShape.date(edtf, row.dateText) }
            if let summary = row.summary { object["summary"] = .string(summary) }
            records[row.id] = .object(object)
        }
        return records
    }

    private func disputes(_ ids: [String]) throws -> [String: JSONValue] {
        var claims: [String: [(owner: String, claim: String)]] = [:]
        for row in try self.rows.claimRows(ids) {
            claims[row.dispute, default: []].append(("\(row.dispute)#\(row.position)", row.claim))
        }
        let citations = try self.citations(kind: "claim", claims.values.flatMap { $0.map(\.owner) })
        var records: [String: JSONValue] = [:]
        for row in try self.rows.disputeRows(ids) {
            let list = (claims[row.id] ?? []).map { claim -> JSONValue in
                .object(["claim": .string(claim.claim), "citations": .array(citations[claim.owner] ?? [])])
            }
            var object: [String: JSONValue] = [
                "record": "dispute", "id": .string(row.id), "topic": .string(row.topic), "claims": .array(list),
            ]
            if let subject = row.subject { object["subject"] = .string(subject) }
            records[row.id] = .object(object)
        }
        return records
    }

    private func figures(_ ids: [String]) throws -> [String: JSONValue] {
        let citations = try self.citations(kind: "figure", ids)
        var records: [String: JSONValue] = [:]
        for row in try self.rows.figureRows(ids) {
            var object: [String: JSONValue] = [
                "record": "figure", "id": .string(row.id), "measure": .string(row.measure),
                "value": .double(row.value), "qualifier": .string(row.qualifier), "unit": .string(row.unit),
                "citations": .array(citations[row.id] ?? []),
            ]
            if let subject = row.subject { object["subject"] = .string(subject) }
            if let edtf = row.edtf { object["date"] = CanonicalShape.date(edtf, row.dateText) }
            if let high = row.high { object["high"] = .double(high) }
            records[row.id] = .object(object)
        }
        return records
    }

    /// Citations of `owners`, in stored order, by owner.
    private func citations(kind: String, _ owners: [String]) throws -> [String: [JSONValue]] {
        var citations: [String: [JSONValue]] = [:]
        for row in try self.rows.citationRows(kind: kind, owners: owners) {
            var citation: [String: JSONValue] = [
                "doc": .string(row.doc), "lines": .array([.int(row.first), .int(row.last)]),
            ]
            if let ref = row.ref { citation["ref"] = .string(ref) }
            citations[row.owner, default: []].append(.object(citation))
        }
        return citations
    }
}

extension RecordExporter where Rows == SQLiteRecordRows {
    /// An exporter reading through SQLite `connection`.
    init(connection: Connection) {
        self.init(rows: SQLiteRecordRows(connection: connection))
    }
}

/// The small shapes every record kind shares.
private enum CanonicalShape {
    static func date(_ edtf: String, _ text: String?) -> JSONValue {
        var object: [String: JSONValue] = ["edtf": .string(edtf)]
        if let text { object["text"] = .string(text) }
        return .object(object)
    }

    static func withoutNulls(_ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(members.filter { $0.value != .null })
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
