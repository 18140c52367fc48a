package import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import PostgresNIO

/// PostgreSQL's primitive reads (`GraphRows`) over one session, inside the read transaction of one call
/// (`PostgresConnectionWorker.read`): SQLiteRows's answers in SQLiteRows's order. Lists travel as one bound
/// array (`= ANY($1)`, `unnest`), never pasted into SQL; every statement is assembled from constant fragments.
///
/// Text is ordered `COLLATE "C"` (code point order, as SQLite's `BINARY` orders UTF-8), whatever the
/// database's collation.
package struct PostgresRows: GraphRows {
    let session: PostgresSession

    package init(session: PostgresSession) {
        self.session = session
    }

    /// One statement's rows, with `values` bound as `$1`, `$2`, … in order.
    func rows(_ sql: String, _ values: [PostgresValue] = []) throws -> [PostgresRow] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text): binds.append(text)
            case .texts(let texts): binds.append(texts)
            case .bigint(let integer): binds.append(integer)
            case .bigints(let integers): binds.append(integers)
            case .bool(let flag): binds.append(flag)
            case .bools(let flags): binds.append(flags)
            case .null: binds.appendNull()
            }
        }
        return try self.session.query(sql, binds)
    }

    package func revision() throws -> Int64 {
        try self.rows("SELECT value FROM meta WHERE key = 'revision'").first?.decode(Int64.self) ?? 0
    }

    /// The change log's rows for the commits after `revision` through `newest`, at most `limit` of them
    /// (`StoreCaches.advance(to:changeLog:)` reads them).
    func changes(after revision: Int64, through newest: Int64, limit: Int) throws -> [StoreCaches.LoggedChange] {
        try self.rows(
            "SELECT revision, kind, id FROM changes WHERE revision > $1 AND revision <= $2 LIMIT $3",
            [.bigint(revision), .bigint(newest), .bigint(Int64(limit))]
        ).map { row in
            let (revision, kind, id) = try row.decode((Int64, String, String).self)
            return (revision, try RecordKind(stored: kind), id)
        }
    }

    package func terms(in section: GraphError.VocabularySection) throws -> Set<String> {
        Set(
            try self.rows("SELECT term FROM vocabulary WHERE section = $1", [.text(section.rawValue)]).map {
                try $0.decode(String.self)
            }
        )
    }

    package func counts() throws -> GraphCounts {
        let row = try self.rows(
            """
            SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM entities WHERE family = 'actor'),
            (SELECT count(*) FROM entities WHERE family = 'instrument'), (SELECT count(*) FROM events),
            (SELECT count(*) FROM relations), (SELECT count(*) FROM disputes), (SELECT count(*) FROM figures),
            (SELECT count(*) FROM citations), (SELECT count(*) FROM documents)
            """
        ).first
        let values = try row?.decode((Int, Int, Int, Int, Int, Int, Int, Int, Int).self) ?? (0, 0, 0, 0, 0, 0, 0, 0, 0)
        let counts = StatsCounts(
            entities: values.0,
            actors: values.1,
            instruments: values.2,
            events: values.3,
            relations: values.4,
            disputes: values.5,
            figures: values.6,
            citations: values.7,
            documents: values.8
        )
        var byKind: [String: Int] = [:]
        for row in try self.rows("SELECT kind, count(*) FROM entities GROUP BY kind") {
            let (kind, count) = try row.decode((String, Int).self)
            byKind[kind] = count
        }
        var byDocument: [String: Int] = [:]
        for row in try self.rows(
            "SELECT d.id, (SELECT count(*) FROM citations c WHERE c.doc = d.id) FROM documents d"
        ) {
            let (document, count) = try row.decode((String, Int).self)
            byDocument[document] = count
        }
        return GraphCounts(
            counts: counts,
            byKind: byKind,
            byDocument: byDocument,
            schemaVersion: PostgresSchema.version
        )
    }

    // MARK: Links

    package func relationIDs(touching entity: String) throws -> [String] {
        try self.strings(
            """
            SELECT id FROM (SELECT id FROM relations WHERE from_id = $1 UNION SELECT id FROM relations WHERE to_id = $1) r
            ORDER BY id COLLATE "C"
            """,
            [.text(entity)]
        )
    }

    package func relationIDs(among entities: [String]) throws -> [String] {
        try self.strings(
            """
            SELECT id FROM relations WHERE from_id = ANY($1) AND to_id = ANY($1) ORDER BY id COLLATE "C"
            """,
            [.texts(entities)]
        )
    }

    package func eventKeys(withParticipant entity: String) throws -> [Int64] {
        try self.rows(
            """
            SELECT e.rowid FROM events e WHERE e.rowid IN (SELECT event FROM participants WHERE entity = $1)
            ORDER BY e.lower, e.precision, e.id COLLATE "C"
            """,
            [.text(entity)]
        ).map { try $0.decode(Int64.self) }
    }

    // MARK: Listings

    package func disputeIDs(subject: String?) throws -> [String] {
        try self.strings(
            #"SELECT id FROM disputes WHERE ($1::text IS NULL OR subject = $1) ORDER BY id COLLATE "C""#,
            [subject.map { .text($0) } ?? .null]
        )
    }

    package func figureIDs(subject: String?, window: DayWindow?) throws -> [String] {
        try self.strings(
            """
            SELECT id FROM figures WHERE ($1::text IS NULL OR subject = $1)
            AND ($2::bigint IS NULL OR (fuzzy_lower IS NOT NULL AND fuzzy_lower <= $3 AND fuzzy_upper >= $2))
            ORDER BY id COLLATE "C"
            """,
            [
                subject.map { .text($0) } ?? .null, window.map { .bigint($0.lower) } ?? .null,
                window.map { .bigint($0.upper) } ?? .null,
            ]
        )
    }

    package func isEventOrFigure(_ id: String) throws -> Bool {
        try self.rows(
            "SELECT EXISTS (SELECT 1 FROM events WHERE id = $1) OR EXISTS (SELECT 1 FROM figures WHERE id = $1)",
            [.text(id)]
        ).first?.decode(Bool.self) ?? false
    }

    // MARK: Names

    package func entities(named normalized: String) throws -> [(entity: String, isName: Bool)] {
        try self.rows(
            """
            SELECT entity, min(position) = 0 FROM aliases WHERE normalized = $1 GROUP BY entity
            ORDER BY entity COLLATE "C"
            """,
            [.text(normalized)]
        ).map { try $0.decode((String, Bool).self) }
    }

    package func forEachName(_ body: (_ entity: String, _ normalized: String) throws -> Void) throws {
        for row in try self.rows("SELECT entity, normalized FROM aliases") {
            let (entity, normalized) = try row.decode((String, String).self)
            try body(entity, normalized)
        }
    }

    // MARK: Dates and citations

    package func dated(_ kind: RecordKind, ids: [String], meeting window: DayWindow) throws -> Set<String> {
        guard kind.hasFuzzyDates else { return [] }
        let table = kind.table
        return Set(
            try self.strings(
                """
                SELECT id FROM \(table) WHERE id = ANY($1)
                AND fuzzy_lower IS NOT NULL AND fuzzy_lower <= $3 AND fuzzy_upper >= $2
                """,
                [.texts(ids), .bigint(window.lower), .bigint(window.upper)]
            )
        )
    }

    package func citingRecords(_ doc: String) throws -> [(kind: String, owner: String)] {
        try self.rows("SELECT DISTINCT owner_kind, owner FROM citations WHERE doc = $1", [.text(doc)]).map {
            try $0.decode((String, String).self)
        }
    }

    /// The first column of each row of one statement, as text.
    func strings(_ sql: String, _ values: [PostgresValue]) throws -> [String] {
        try self.rows(sql, values).map { try $0.decode(String.self) }
    }
}

/// A value bound to a statement of `PostgresRows`; `null` takes its type from a cast in the SQL.
enum PostgresValue {
    case text(String)
    case texts([String])
    case bigint(Int64)
    case bigints([Int64])
    case bool(Bool)
    case bools([Bool])
    case null
}
