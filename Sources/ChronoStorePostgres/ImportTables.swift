internal import ChronoGraph
internal import ChronoStore

/// Every table's rows for a set of records, in the columns and encodings SQLite's `RecordWriter` stores
/// (`RecordColumns`, `DateColumns`), built before the write transaction opens.
struct ImportTables {
    var vocabulary = BulkInsert("vocabulary", [("section", "text"), ("term", "text"), ("meaning", "text")])
    private var documents = BulkInsert("documents", [("id", "text"), ("title", "text"), ("lines", "integer")])
    private var entities = BulkInsert(
        "entities",
        [
            ("id", "text"), ("kind", "text"), ("family", "text"), ("name", "text"), ("summary", "text"),
            ("number", "text"), ("attributes", "text"), ("dates", "text"),
        ]
    )
    private var aliases = BulkInsert(
        "aliases",
        [("entity", "text"), ("position", "integer"), ("alias", "text"), ("normalized", "text")]
    )
    private var events = BulkInsert(
        "events",
        [
            ("id", "text"), ("type", "text"), ("title", "text"), ("summary", "text"), ("date_edtf", "text"),
            ("date_text", "text"), ("lower", "bigint"), ("upper", "bigint"), ("fuzzy_lower", "bigint"),
            ("fuzzy_upper", "bigint"), ("precision", "integer"), ("span_class", "integer"),
        ]
    )
    /// Participants name their event by id; the row id is looked up once the events are in.
    private var participants = BulkInsert(
        "participants",
        computing: [
            ("event", "(SELECT rowid FROM events WHERE id = r->>0)"),
            ("position", BulkInsert.field(1, "integer")),
            ("entity", BulkInsert.field(2, "text")),
            ("role", BulkInsert.field(3, "text")),
        ]
    )
    private var relations = BulkInsert(
        "relations",
        [
            ("id", "text"), ("type", "text"), ("from_id", "text"), ("to_id", "text"), ("date_edtf", "text"),
            ("date_text", "text"), ("fuzzy_lower", "bigint"), ("fuzzy_upper", "bigint"), ("summary", "text"),
        ]
    )
    private var disputes = BulkInsert("disputes", [("id", "text"), ("subject", "text"), ("topic", "text")])
    private var claims = BulkInsert("claims", [("dispute", "text"), ("position", "integer"), ("claim", "text")])
    private var figures = BulkInsert(
        "figures",
        [
            ("id", "text"), ("subject", "text"), ("measure", "text"), ("value", "double precision"),
            ("qualifier", "text"), ("unit", "text"), ("date_edtf", "text"), ("date_text", "text"),
            ("fuzzy_lower", "bigint"), ("fuzzy_upper", "bigint"), ("high", "double precision"),
        ]
    )
    private var citations = BulkInsert(
        "citations",
        [
            ("owner_kind", "text"), ("owner", "text"), ("position", "integer"), ("doc", "text"),
            ("first", "integer"), ("last", "integer"), ("ref", "text"),
        ]
    )
    private var search = BulkInsert(
        "search",
        [
            ("owner_kind", "text"), ("owner", "text"), ("name", "text"), ("aliases", "text"), ("title", "text"),
            ("summary", "text"), ("claims", "text"),
        ]
    )
    /// Every record's kind and id, for the change log.
    private var keys: [(kind: RecordKind, id: String)] = []

    /// The rows of `records`, each table's in record order.
    init(_ records: [LocatedRecord]) throws {
        for located in records {
            try self.add(located.record)
        }
    }

    /// Writes every table inside the caller's transaction (foreign keys are checked at commit). Events go
    /// before participants, which look up the events' row ids.
    func write(_ session: PostgresSession) throws {
        let tables = [
            self.vocabulary, self.documents, self.entities, self.aliases, self.events, self.participants,
            self.relations, self.disputes, self.claims, self.figures, self.citations, self.search,
        ]
        for table in tables { try table.write(session) }
    }

    /// Logs every record as inserted at `revision` (a whole graph's import).
    func logInserts(_ session: PostgresSession, revision: Int64) throws {
        var changes = BulkInsert(
            "changes",
            computing: [
                ("revision", String(revision)), ("kind", BulkInsert.field(0, "text")),
                ("id", BulkInsert.field(1, "text")), ("op", "'insert'"),
            ]
        )
        for key in self.keys { changes.append([.text(key.kind.rawValue), .text(key.id)]) }
        try changes.write(session)
    }

    private mutating func add(_ record: GraphRecord) throws {
        self.keys.append((record.kind, record.id))
        if let fields = RecordColumns.search(record) {
            self.search.append([
                .text(fields.ownerKind), .text(fields.owner), .text(fields.name), .text(fields.aliases),
                .text(fields.title), .text(fields.summary), .text(fields.claims),
            ])
        }
        switch record {
        case .document(let document):
            self.documents.append([.text(document.id), .text(document.title), .int(document.lines)])
        case .entity(let entity):
            self.entities.append([
                .text(entity.id), .text(entity.kind.rawValue), .text(entity.kind.family.rawValue), .text(entity.name),
                .text(entity.summary), .nullable(entity.number), .text(try RecordColumns.attributes(entity)),
                .text(try RecordColumns.dates(entity)),
            ])
            for (position, alias, normalized) in RecordColumns.aliases(entity) {
                self.aliases.append([.text(entity.id), .int(position), .text(alias), .text(normalized)])
            }
            self.addCitations(entity.citations, kind: "entity", owner: entity.id)
        case .event(let event):
            let bounds = DateColumns(event.date.edtf)
            self.events.append([
                .text(event.id), .text(event.type), .text(event.title), .text(event.summary),
                .text(event.date.edtf.edtf), .nullable(event.date.text), .integer(bounds.lower), .integer(bounds.upper),
                .integer(bounds.fuzzyLower), .integer(bounds.fuzzyUpper), .int(bounds.precision),
                .integer(bounds.spanClass),
            ])
            for (position, participant) in event.participants.enumerated() {
                self.participants.append([
                    .text(event.id), .int(position), .text(participant.entity), .text(participant.role),
                ])
            }
            self.addCitations(event.citations, kind: "event", owner: event.id)
        case .relation(let relation):
            let bounds = relation.date.map { DateColumns($0.edtf) }
            self.relations.append([
                .text(relation.id), .text(relation.type), .text(relation.from), .text(relation.to),
                .nullable(relation.date?.edtf.edtf), .nullable(relation.date?.text), .nullable(bounds?.fuzzyLower),
                .nullable(bounds?.fuzzyUpper), .nullable(relation.summary),
            ])
            self.addCitations(relation.citations, kind: "relation", owner: relation.id)
        case .dispute(let dispute):
            self.disputes.append([.text(dispute.id), .nullable(dispute.subject), .text(dispute.topic)])
            for (position, claim) in dispute.claims.enumerated() {
                self.claims.append([.text(dispute.id), .int(position), .text(claim.claim)])
                let owner = RecordColumns.claimOwner(dispute: dispute.id, position: position)
                self.addCitations(claim.citations, kind: "claim", owner: owner)
            }
        case .figure(let figure):
            let bounds = figure.date.map { DateColumns($0.edtf) }
            self.figures.append([
                .text(figure.id), .nullable(figure.subject), .text(figure.measure), .real(figure.value),
                .text(figure.qualifier.rawValue), .text(figure.unit), .nullable(figure.date?.edtf.edtf),
                .nullable(figure.date?.text), .nullable(bounds?.fuzzyLower), .nullable(bounds?.fuzzyUpper),
                .nullable(figure.high),
            ])
            self.addCitations(figure.citations, kind: "figure", owner: figure.id)
        }
    }

    private mutating func addCitations(_ list: [Citation], kind: String, owner: String) {
        for (position, citation) in list.enumerated() {
            self.citations.append([
                .text(kind), .text(owner), .int(position), .text(citation.doc), .int(citation.first),
                .int(citation.last), .nullable(citation.ref),
            ])
        }
    }
}
