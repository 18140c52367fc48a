package import ChronoGraph

/// The stored rows a record is assembled from, as a backend reads them: plain values, no JSON shaping.
/// `RecordExporter` turns them into canonical records, so every backend gives byte-identical lines.
///
/// Invariants every implementation keeps: all calls see one consistent state (one transaction); ids that do
/// not exist are skipped; lists of parts (aliases, participants, claims, citations) come in stored position
/// order within each owner.
package protocol RecordRowSource {
    /// The ids of every stored record of `kind`, in canonical order (`CanonicalRecord.precedes`: byte order).
    func recordIDs(of kind: RecordKind) throws -> RecordIDs
    func documentRows(_ ids: [String]) throws -> [RecordRow.Document]
    func entityRows(_ ids: [String]) throws -> [RecordRow.Entity]
    /// The aliases of the entities (not the name, stored at position 0), by entity then position.
    func aliasRows(_ entities: [String]) throws -> [RecordRow.Alias]
    func eventRows(_ ids: [String]) throws -> [RecordRow.Event]
    /// The participants of the events with ids `events`, by event then position.
    func participantRows(_ events: [String]) throws -> [RecordRow.Participant]
    func relationRows(_ ids: [String]) throws -> [RecordRow.Relation]
    func disputeRows(_ ids: [String]) throws -> [RecordRow.Dispute]
    /// The claims of the disputes, by dispute then position.
    func claimRows(_ disputes: [String]) throws -> [RecordRow.Claim]
    func figureRows(_ ids: [String]) throws -> [RecordRow.Figure]
    /// The citations of the owners of `kind` (`entity`, …, `claim`), by owner then position.
    func citationRows(kind: String, owners: [String]) throws -> [RecordRow.Citation]
}

/// One kind's record ids in canonical order, handed out a page at a time as the export goes, read in key order
/// from an index whose order is the canonical one.
package struct RecordIDs {
    private let page: (_ limit: Int) throws -> [String]

    /// Ids read by `page(after, limit)`: the first `limit` ids after `after` (from the first when `nil`), in
    /// canonical order. Memory holds one page.
    package init(paging page: @escaping (_ after: String?, _ limit: Int) throws -> [String]) {
        var last: String?
        self.page = { limit in
            let ids = try page(last, limit)
            last = ids.last ?? last
            return ids
        }
    }

    /// The next ids, at most `limit` of them; empty after the last.
    package func next(_ limit: Int) throws -> [String] {
        try self.page(limit)
    }
}

/// One stored row of each table a record is read from, in its stored encoding.
package enum RecordRow {
    package struct Document {
        package var id: String, title: String, lines: Int64
        package init(id: String, title: String, lines: Int64) {
            (self.id, self.title, self.lines) = (id, title, lines)
        }
    }

    package struct Entity {
        package var id: String, kind: String, name: String, summary: String, number: String?
        /// The attributes and dates columns: JSON text.
        package var attributes: String, dates: String
        package init(
            id: String,
            kind: String,
            name: String,
            summary: String,
            number: String?,
            attributes: String,
            dates: String
        ) {
            (self.id, self.kind, self.name, self.summary) = (id, kind, name, summary)
            (self.number, self.attributes, self.dates) = (number, attributes, dates)
        }
    }

    package struct Alias {
        package var entity: String, alias: String
        package init(entity: String, alias: String) { (self.entity, self.alias) = (entity, alias) }
    }

    package struct Event {
        package var id: String, type: String, title: String, summary: String, edtf: String, dateText: String?
        package init(id: String, type: String, title: String, summary: String, edtf: String, dateText: String?) {
            (self.id, self.type, self.title, self.summary, self.edtf, self.dateText) =
                (id, type, title, summary, edtf, dateText)
        }
    }

    package struct Participant {
        package var event: String, entity: String, role: String
        package init(event: String, entity: String, role: String) {
            (self.event, self.entity, self.role) = (event, entity, role)
        }
    }

    package struct Relation {
        package var id: String, type: String, from: String, to: String
        package var edtf: String?, dateText: String?, summary: String?
        package init(
            id: String,
            type: String,
            from: String,
            to: String,
            edtf: String?,
            dateText: String?,
            summary: String?
        ) {
            (self.id, self.type, self.from, self.to) = (id, type, from, to)
            (self.edtf, self.dateText, self.summary) = (edtf, dateText, summary)
        }
    }

    package struct Dispute {
        package var id: String, subject: String?, topic: String
        package init(id: String, subject: String?, topic: String) {
            (self.id, self.subject, self.topic) = (id, subject, topic)
        }
    }

    package struct Claim {
        package var dispute: String, position: Int, claim: String
        package init(dispute: String, position: Int, claim: String) {
            (self.dispute, self.position, self.claim) = (dispute, position, claim)
        }
    }

    package struct Figure {
        package var id: String, subject: String?, measure: String, value: Double, qualifier: String, unit: String
        package var edtf: String?, dateText: String?, high: Double?
        package init(
            id: String,
            subject: String?,
            measure: String,
            value: Double,
            qualifier: String,
            unit: String,
            edtf: String?,
            dateText: String?,
            high: Double?
        ) {
            (self.id, self.subject, self.measure, self.value, self.qualifier, self.unit) =
                (id, subject, measure, value, qualifier, unit)
            (self.edtf, self.dateText, self.high) = (edtf, dateText, high)
        }
    }

    package struct Citation {
        package var owner: String, doc: String, first: Int64, last: Int64, ref: String?
        package init(owner: String, doc: String, first: Int64, last: Int64, ref: String?) {
            (self.owner, self.doc, self.first, self.last, self.ref) = (owner, doc, first, last, ref)
        }
    }
}
