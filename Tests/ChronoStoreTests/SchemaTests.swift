import ChronoGraph
import ChronoTesting
import Testing

@testable import ChronoStore

@Suite("Schema migrations")
struct SchemaTests {
    @Test func migratesAnOlderDatabaseForward() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let connection = try Connection(path: directory.databasePath)
            try connection.execute(Schema.migrations[0])
            try connection.execute("PRAGMA user_version = 1")
        }
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: Fixtures.graph).load(into: store)
        let connection = try Connection(path: directory.databasePath)
        #expect(try connection.prepare("PRAGMA user_version").first { $0.int(0) } == Schema.version)
        let columns = try connection.prepare("SELECT name FROM pragma_index_info('events_span') ORDER BY seqno")
            .map { $0.text(0) }
        #expect(columns == ["span_class", "lower", "precision", "id", "fuzzy_lower", "fuzzy_upper"])
        #expect(try await store.run(StatsQuery()).counts.events == 11)
    }

    @Test func version7KeepsStoredSnapshotsByteForByteInARowidTable() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        do {
            let connection = try Connection(path: directory.databasePath)
            for migration in Schema.migrations.prefix(6) { try connection.execute(migration) }
            try connection.execute("PRAGMA user_version = 6")
            try connection.prepare(
                "INSERT INTO snapshots(id, revision, created_ms, manifest, data) VALUES ('r1-a', 1, 2, '{}', ?)"
            ).run([.blob(bytes)])
            let error = #expect(throws: SQLiteError.self) {
                try Blob(connection, table: "snapshots", column: "data", rowid: 1, writable: false)
            }
            #expect(error?.message.contains("without rowid") == true, "\(error?.message ?? "")")
        }
        _ = try await GraphStore.open(path: directory.databasePath)
        let connection = try Connection(path: directory.databasePath, readOnly: true)
        let row = try #require(
            try connection.prepare("SELECT rowid, revision, created_ms, manifest FROM snapshots WHERE id = 'r1-a'")
                .first { ($0.int64(0), $0.int64(1), $0.int64(2), $0.text(3)) }
        )
        #expect(row.1 == 1 && row.2 == 2 && row.3 == "{}")
        let blob = try Blob(connection, table: "snapshots", column: "data", rowid: row.0, writable: false)
        #expect(blob.count == bytes.count)
        #expect(try blob.read(at: 1_000, count: 3_000) == Array(bytes[1_000..<4_000]))
    }

    @Test func version8OrdersEachNodesRelationsByTheirOtherEndAndKeepsTheAnswers() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let query = NeighborsQuery(id: "azerbaijan", depth: 2, limit: 5)
        let before: Neighborhood
        do {
            let store = try await GraphStore.open(path: directory.databasePath)
            try await GraphLoader(directory: Fixtures.graph).load(into: store)
            before = try await store.run(query)
            // The relation indexes as version 7 left them.
            let connection = try Connection(path: directory.databasePath)
            try connection.execute(
                """
                DROP INDEX relations_from; CREATE INDEX relations_from ON relations(from_id, type, to_id);
                DROP INDEX relations_to; CREATE INDEX relations_to ON relations(to_id, type, from_id);
                ALTER TABLE relations DROP COLUMN wire;
                PRAGMA user_version = 7;
                """
            )
        }
        let store = try await GraphStore.open(path: directory.databasePath)
        let connection = try Connection(path: directory.databasePath, readOnly: true)
        for (index, near, far) in [("relations_from", "from_id", "to_id"), ("relations_to", "to_id", "from_id")] {
            let columns = try connection.prepare("SELECT name FROM pragma_index_info('\(index)') ORDER BY seqno")
                .map { $0.text(0) }
            #expect(columns == [near, far, "id", "type", "fuzzy_lower", "fuzzy_upper"])
        }
        #expect(before.truncated?.budget == .nodes)
        #expect(try await store.run(query) == before)
    }

    @Test func version9KeysCitationsByOwnerAndKeepsEveryCitationAndAnswer() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let everyCitation = """
            SELECT owner_kind, owner, position, doc, first, last, ifnull(ref, '') FROM citations
            ORDER BY owner_kind, owner, position
            """
        let neighbors = NeighborsQuery(id: "azerbaijan", depth: 2)
        let timeline = TimelineQuery(limit: 20)
        let before: (rows: [[String]], neighbors: Neighborhood, timeline: TimelinePage)
        do {
            let store = try await GraphStore.open(path: directory.databasePath)
            try await GraphLoader(directory: Fixtures.graph).load(into: store)
            let connection = try Connection(path: directory.databasePath)
            before = (
                try connection.prepare(everyCitation).map { row in (0..<7).map { row.text($0) } },
                try await store.run(neighbors), try await store.run(timeline)
            )
            // The citations table as version 8 left it: keyed by the owner's kind first.
            try connection.execute(
                """
                CREATE TABLE citations_v8(
                    owner_kind TEXT NOT NULL, owner TEXT NOT NULL, position INTEGER NOT NULL,
                    doc TEXT NOT NULL REFERENCES documents(id), first INTEGER NOT NULL, last INTEGER NOT NULL,
                    ref TEXT, PRIMARY KEY (owner_kind, owner, position)
                ) WITHOUT ROWID;
                INSERT INTO citations_v8 SELECT owner_kind, owner, position, doc, first, last, ref FROM citations;
                DROP TABLE citations;
                ALTER TABLE citations_v8 RENAME TO citations;
                CREATE INDEX citations_doc ON citations(doc);
                ALTER TABLE relations DROP COLUMN wire;
                PRAGMA user_version = 8;
                """
            )
        }
        #expect(before.rows.count > 40)
        #expect(before.neighbors.edges.contains { String(decoding: $0.json, as: UTF8.self).contains("\"doc\":") })
        let store = try await GraphStore.open(path: directory.databasePath)
        let connection = try Connection(path: directory.databasePath, readOnly: true)
        let key = try connection.prepare(
            "SELECT name FROM pragma_index_info('sqlite_autoindex_citations_1') ORDER BY seqno"
        ).map { $0.text(0) }
        #expect(key == ["owner", "owner_kind", "position"])
        let byDocument = try connection.prepare("SELECT name FROM pragma_index_info('citations_doc')").map {
            $0.text(0)
        }
        #expect(byDocument == ["doc"])
        #expect(try connection.prepare(everyCitation).map { row in (0..<7).map { row.text($0) } } == before.rows)
        #expect(try await store.run(neighbors) == before.neighbors)
        #expect(try await store.run(timeline) == before.timeline)
    }

    @Test func version10StoresEachRelationsWireFormAndKeepsTheAnswers() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let neighbors = NeighborsQuery(id: "azerbaijan", depth: 2)
        let subgraph = SubgraphQuery(ids: ["azerbaijan"], depth: 2)
        let before: (neighbors: Neighborhood, subgraph: Subgraph)
        do {
            let store = try await GraphStore.open(path: directory.databasePath)
            try await GraphLoader(directory: Fixtures.graph).load(into: store)
            before = (try await store.run(neighbors), try await store.run(subgraph))
            // The relations table as version 9 left it: no stored forms.
            try Connection(path: directory.databasePath).execute(
                "ALTER TABLE relations DROP COLUMN wire; DELETE FROM meta WHERE key = 'relation_wire'; PRAGMA user_version = 9;"
            )
        }
        let store = try await GraphStore.open(path: directory.databasePath)
        try Self.expectEveryStoredFormIsTheBuiltOne(at: directory.databasePath, atLeast: 7)
        #expect(before.neighbors.edges.count > 3)
        #expect(try await store.run(neighbors) == before.neighbors)
        #expect(try await store.run(subgraph) == before.subgraph)
    }

    @Test func storedFormsOfAnotherEncodingAreEncodedAgainOnOpen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try await GraphStore.open(path: directory.databasePath)
            try await GraphLoader(directory: Fixtures.graph).load(into: store)
            try Self.expectEveryStoredFormIsTheBuiltOne(at: directory.databasePath, atLeast: 7)
            // As a build that wrote edges otherwise would have left them.
            try Connection(path: directory.databasePath).execute(
                "UPDATE relations SET wire = CAST('{}' AS BLOB); UPDATE meta SET value = 1 WHERE key = 'relation_wire';"
            )
        }
        _ = try await GraphStore.open(path: directory.databasePath)
        try Self.expectEveryStoredFormIsTheBuiltOne(at: directory.databasePath, atLeast: 7)
        let fingerprint = try Connection(path: directory.databasePath, readOnly: true)
            .prepare("SELECT value FROM meta WHERE key = 'relation_wire'").first { $0.int64(0) }
        #expect(fingerprint == RelationWireForm.fingerprint)
    }

    @Test func theEncodingsFingerprintCoversEveryKindOfDate() throws {
        let dates = RelationWireForm.samples.compactMap(\.date)
        #expect(dates.count == RelationWireForm.samples.count)
        #expect(Set(dates.map(\.edtf.precision)).count >= 4)
        #expect(dates.contains { $0.edtf.isApproximate } && dates.contains { $0.edtf.isUncertain })
        #expect(RelationWireForm.samples.allSatisfy { $0.summary != nil && $0.citations.contains { $0.ref != nil } })
    }

    /// Every relation's stored wire form is the one its edge, read and encoded, has (and there are at least
    /// `count` relations).
    private static func expectEveryStoredFormIsTheBuiltOne(at path: String, atLeast count: Int) throws {
        let connection = try Connection(path: path, readOnly: true)
        let rows = SQLiteRows(connection: connection, context: QueryContext(deadline: nil))
        let ids = try connection.prepare("SELECT id FROM relations ORDER BY id").map { $0.text(0) }
        #expect(ids.count >= count)
        let built = try rows.edges(ids).map(EncodedEdge.init)
        #expect(built.count == ids.count)
        #expect(try rows.encodedEdges(ids) == built)
    }

    @Test func refusesADatabaseFromANewerVersion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let connection = try Connection(path: directory.databasePath)
            try connection.execute("PRAGMA user_version = 99")
        }
        let error = await #expect(throws: SQLiteError.self) { try await GraphStore.open(path: directory.databasePath) }
        #expect(error?.message.contains("newer") == true)
    }

    @Test func spanClassBoundsEverySpan() {
        for (lower, upper) in [(0, 0), (0, 1), (0, 2), (10, 41), (-5, 1_000), (Schema.openLower, 0)] as [(Int64, Int64)]
        {
            let spanClass = Schema.spanClass(lower: lower, upper: upper)
            #expect(Schema.spanClasses.contains(Int(spanClass)))
            #expect(upper - lower < Int64(1) << spanClass)
        }
        #expect(
            Schema.spanClass(lower: Schema.openLower, upper: Schema.openUpper) == Int64(Schema.spanClasses.upperBound)
        )
    }
}
