internal import ChronoGraph
internal import ChronoProtocol

/// SQLite's primitive reads (`GraphRows`) over one reader connection, inside the read transaction of one
/// call. Lists of ids are bound as one JSON array (`json_each`), never pasted into SQL; every statement is
/// assembled from constant fragments and cached on the connection.
///
/// Where rows are keyed by a unique id, a list is the outer loop of a join (`FROM json_each(?) AS list CROSS
/// JOIN t ON t.id = list.value`) rather than `t.id IN (SELECT value FROM json_each(?))`: the `IN` form builds
/// a temporary index of the list on every run (a page allocated and cleared each time), the join seeks the
/// table's index once per listed id. A listed id repeated reads its row again, which the caller's dictionary
/// absorbs; statements whose order or grouping depends on the list keep the `IN` form.
struct SQLiteRows: GraphRows {
    let connection: Connection
    /// The call's deadline and cancellation, checked between the statements of long reads.
    let context: QueryContext
    /// The most matches the ranked search ranks all of by BM25 (see `textMatches`).
    var exhaustiveSearchRows = SQLiteRows.maximumExhaustiveSearchRows

    init(connection: Connection, context: QueryContext) {
        self.connection = connection
        self.context = context
    }

    func revision() throws -> Int64 { try GraphStore.revision(self.connection) }

    func terms(in section: GraphError.VocabularySection) throws -> Set<String> {
        Set(
            try self.connection.cached("SELECT term FROM vocabulary WHERE section = ?").map([.text(section.rawValue)]) {
                $0.text(0)
            }
        )
    }

    func counts() throws -> GraphCounts {
        func count(_ sql: String) throws -> Int { try self.connection.cached(sql).first { $0.int(0) } ?? 0 }
        let counts = StatsCounts(
            entities: try count("SELECT count(*) FROM entities"),
            actors: try count("SELECT count(*) FROM entities WHERE family = 'actor'"),
            instruments: try count("SELECT count(*) FROM entities WHERE family = 'instrument'"),
            events: try count("SELECT count(*) FROM events"),
            relations: try count("SELECT count(*) FROM relations"),
            disputes: try count("SELECT count(*) FROM disputes"),
            figures: try count("SELECT count(*) FROM figures"),
            citations: try count("SELECT count(*) FROM citations"),
            documents: try count("SELECT count(*) FROM documents")
        )
        var byKind: [String: Int] = [:]
        try self.connection.cached("SELECT kind, count(*) FROM entities GROUP BY kind").run { row in
            byKind[row.text(0)] = row.int(1)
        }
        var byDocument: [String: Int] = [:]
        try self.connection.cached(
            "SELECT id, (SELECT count(*) FROM citations WHERE doc = documents.id) FROM documents"
        )
        .run { row in byDocument[row.text(0)] = row.int(1) }
        return GraphCounts(counts: counts, byKind: byKind, byDocument: byDocument, schemaVersion: Schema.version)
    }

    // MARK: Links

    func relationIDs(touching entity: String) throws -> [String] {
        try self.connection.cached(
            "SELECT id FROM relations WHERE from_id = ?1 UNION SELECT id FROM relations WHERE to_id = ?1 ORDER BY id"
        ).map([.text(entity)]) { $0.text(0) }
    }

    func relationIDs(among entities: [String]) throws -> [String] {
        try self.connection.cached(
            """
            SELECT id FROM relations WHERE from_id IN (SELECT value FROM json_each(?1))
            AND to_id IN (SELECT value FROM json_each(?1)) ORDER BY id
            """
        ).map([.jsonArray(entities)]) { $0.text(0) }
    }

    func eventKeys(withParticipant entity: String) throws -> [Int64] {
        try self.connection.cached(
            """
            SELECT e.rowid FROM events e WHERE e.rowid IN (SELECT event FROM participants WHERE entity = ?)
            ORDER BY e.lower, e.precision, e.id
            """
        ).map([.text(entity)]) { $0.int64(0) }
    }

    // MARK: Listings

    func disputeIDs(subject: String?) throws -> [String] {
        try self.connection.cached("SELECT id FROM disputes WHERE (?1 IS NULL OR subject = ?1) ORDER BY id")
            .map([.optionalText(subject)]) { $0.text(0) }
    }

    func figureIDs(subject: String?, window: DayWindow?) throws -> [String] {
        try self.connection.cached(
            """
            SELECT id FROM figures WHERE (?1 IS NULL OR subject = ?1)
            AND (?2 IS NULL OR (fuzzy_lower IS NOT NULL AND fuzzy_lower <= ?3 AND fuzzy_upper >= ?2)) ORDER BY id
            """
        ).map([
            .optionalText(subject), window.map { .integer($0.lower) } ?? .null,
            window.map { .integer($0.upper) } ?? .null,
        ]) { $0.text(0) }
    }

    func isEventOrFigure(_ id: String) throws -> Bool {
        let sql = "SELECT 1 FROM events WHERE id = ?1 UNION ALL SELECT 1 FROM figures WHERE id = ?1"
        return try self.connection.cached(sql).first([.text(id)], { _ in true }) == true
    }

    // MARK: Names

    func entities(named normalized: String) throws -> [(entity: String, isName: Bool)] {
        try self.connection.cached(
            "SELECT entity, min(position) = 0 FROM aliases WHERE normalized = ? GROUP BY entity ORDER BY entity"
        ).map([.text(normalized)]) { ($0.text(0), $0.int(1) != 0) }
    }

    func forEachName(_ body: (_ entity: String, _ normalized: String) throws -> Void) throws {
        try self.connection.cached("SELECT entity, normalized FROM aliases").run { row in
            try body(row.text(0), row.text(1))
        }
    }

    // MARK: Text

    func dated(_ kind: RecordKind, ids: [String], meeting window: DayWindow) throws -> Set<String> {
        guard kind.hasFuzzyDates else { return [] }
        let table = kind.table
        var found: Set<String> = []
        try self.connection.cached(
            """
            SELECT id FROM \(table) WHERE id IN (SELECT value FROM json_each(?1))
            AND fuzzy_lower IS NOT NULL AND fuzzy_lower <= ?3 AND fuzzy_upper >= ?2
            """
        ).run([.jsonArray(ids), .integer(window.lower), .integer(window.upper)]) { row in found.insert(row.text(0)) }
        return found
    }

    func citingRecords(_ doc: String) throws -> [(kind: String, owner: String)] {
        try self.connection.cached("SELECT DISTINCT owner_kind, owner FROM citations WHERE doc = ?").map([.text(doc)]) {
            ($0.text(0), $0.text(1))
        }
    }
}
