import ChronoGraph
import ChronoStore
import ChronoStorePostgres
import ChronoTesting
import PostgresNIO
import Testing

@Suite("PostgreSQL schema", .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped))
struct PostgresSchemaTests {
    @Test func migratesAnEmptyDatabaseOnceThenDoesNothing() async throws {
        try await TestDatabase.with { database in
            let first = try await PostgresSchema.migrate(database.worker)
            #expect(first.from == 0 && first.to == PostgresSchema.version)
            let again = try await PostgresSchema.migrate(database.worker)
            #expect(again.from == PostgresSchema.version && again.to == PostgresSchema.version)
            let state = try await database.worker.read(deadline: nil) { session in
                let version = try PostgresSchema.storedVersion(session)
                let revision = try session.query("SELECT value FROM meta WHERE key = 'revision'").first?
                    .decode(Int64.self)
                let indexes = try session.query(
                    "SELECT indexname FROM pg_indexes WHERE tablename IN ('events', 'search') ORDER BY indexname"
                ).map { try $0.decode(String.self) }
                return (version, revision, indexes)
            }
            #expect(state.0 == PostgresSchema.version)
            #expect(state.1 == 0)
            #expect(
                state.2 == [
                    "events_id_bytes", "events_id_key", "events_order", "events_pkey", "events_span", "events_type",
                    "search_document", "search_pkey",
                ]
            )
        }
    }

    @Test func version3MovesEachStoredArchiveIntoPiecesOfOneMebibyte() async throws {
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker, to: 2)
            // 2.5 MiB and 3 bytes, and one byte: three pieces and one.
            let large = (0..<(5 << 19) + 3).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) }
            try await database.worker.write(deadline: nil) { session in
                for (id, bytes) in [("r1-large", large), ("r2-small", [0x1f])] {
                    var binds = PostgresBindings()
                    binds.append(id)
                    binds.append(ByteBuffer(bytes: bytes))
                    try session.query(
                        "INSERT INTO snapshots(id, revision, created_ms, manifest, data) VALUES ($1, 1, 0, '{}', $2)",
                        binds
                    )
                }
            }
            try await PostgresSchema.migrate(database.worker)
            let pieces = try await database.worker.read(deadline: nil) { session in
                try session.query("SELECT snapshot, piece, data FROM snapshot_pieces ORDER BY snapshot, piece").map {
                    let (snapshot, piece, data) = try $0.decode((String, Int, ByteBuffer).self)
                    return (snapshot, piece, Array(data.readableBytesView))
                }
            }
            #expect(pieces.map { "\($0.0)#\($0.1)" } == ["r1-large#0", "r1-large#1", "r1-large#2", "r2-small#0"])
            #expect(pieces.filter { $0.0 == "r1-large" }.flatMap(\.2) == large)
            #expect(pieces.last?.2 == [0x1f])
            let columns = try await database.worker.read(deadline: nil) { session in
                try session.query(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'snapshots' ORDER BY 1"
                ).map { try $0.decode(String.self) }
            }
            #expect(columns == ["created_ms", "id", "manifest", "revision"])
        }
    }

    @Test func recordIdsArePagedInByteOrderThroughTheirOwnIndex() async throws {
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            let ids = ["b", "É", "B", "a", "Z", "é", "e-10", "e-9", "e", "ä"]
            let (paged, plan) = try await database.worker.write(deadline: nil) { session in
                var binds = PostgresBindings()
                binds.append(ids)
                try session.query("INSERT INTO documents(id, title, lines) SELECT unnest($1::text[]), 'T', 1", binds)
                let pages = try PostgresRows(session: session).recordIDs(of: .document)
                var paged: [String] = []
                while case let page = try pages.next(3), !page.isEmpty { paged += page }
                // Without the index the planner could only sort: it must take the index's order instead.
                try session.query("SET LOCAL enable_seqscan = off")
                try session.query("SET LOCAL enable_sort = off")
                let plan = try session.query(
                    "EXPLAIN SELECT id FROM documents WHERE id COLLATE \"C\" > 'a' ORDER BY id COLLATE \"C\" LIMIT 3"
                ).map { try $0.decode(String.self) }.joined(separator: "\n")
                return (paged, plan)
            }
            #expect(paged == ids.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
            #expect(plan.contains("documents_id_bytes"), "\(plan)")
        }
    }

    @Test func refusesADatabaseFromANewerVersionAndLeavesItAlone() async throws {
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            let newer = PostgresSchema.version + 1
            try await database.worker.write(deadline: nil) { session in
                try session.query("UPDATE chrono_schema SET version = \(newer)")
            }
            let error = await #expect(throws: PostgresSchemaError.self) {
                try await PostgresSchema.migrate(database.worker)
            }
            #expect(error == PostgresSchemaError(found: newer, supported: PostgresSchema.version))
            #expect(error?.description.contains("newer") == true)
            let stored = try await database.worker.read(deadline: nil) { try PostgresSchema.storedVersion($0) }
            #expect(stored == newer)
        }
    }

    @Test func searchWeighsNamesOverSummariesAndFoldsAccentsAndEndings() async throws {
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            let ranked = try await database.worker.write(deadline: nil) { session in
                try session.query(
                    """
                    INSERT INTO search(owner_kind, owner, name, summary) VALUES
                        ('entity', 'in-name', 'Société Générale', ''),
                        ('entity', 'in-summary', 'Other', 'lending to societes generales')
                    """
                )
                return try session.query(
                    """
                    SELECT owner FROM search WHERE document @@ plainto_tsquery('chrono', 'societe generale')
                    ORDER BY ts_rank(document, plainto_tsquery('chrono', 'societe generale')) DESC
                    """
                ).map { try $0.decode(String.self) }
            }
            #expect(ranked == ["in-name", "in-summary"])
        }
    }

    @Test func theCorpusStatisticsFollowEveryStatementOnSearch() async throws {
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            let steps = [
                """
                INSERT INTO search(owner_kind, owner, name, summary) VALUES
                    ('entity', 'a', 'Alpha Beta', 'gamma gamma delta'), ('entity', 'b', 'Société', ''),
                    ('event', 'c', '', 'one two three')
                """,
                "UPDATE search SET aliases = 'Epsilon Zeta Eta', summary = '' WHERE owner IN ('a', 'c')",
                "DELETE FROM search WHERE owner = 'b'",
                "INSERT INTO search(owner_kind, owner, title) VALUES ('event', 'd', 'the title of d')",
                "TRUNCATE search",
            ]
            var seen: [CorpusStatistics.Counts] = []
            for step in steps {
                let corpus = try await database.worker.write(deadline: nil) { session in
                    try session.query(step)
                    return try CorpusStatistics(session)
                }
                #expect(corpus.stored == corpus.counted, "after \(step)")
                seen.append(corpus.stored)
            }
            // 'Alpha Beta' and 'gamma gamma delta' are 5 tokens, 'Société' 1, 'one two three' 3.
            #expect(seen.first == CorpusStatistics.Counts(rows: 3, tokens: 9))
            #expect(seen.last == CorpusStatistics.Counts(rows: 0, tokens: 0))
        }
    }

    @Test func aVersion1DatabaseMigratesToTheSameAnswersAsANewOne() async throws {
        let graph = Repository.url("Graph")
        let cases = try QuestionSet.cases()
        try await TestDatabase.with { old in
            let first = try await PostgresSchema.migrate(old.worker, to: 1)
            #expect(first.from == 0 && first.to == 1)
            try await PostgresGraphImport(directory: graph).load(into: old.worker)
            let second = try await PostgresSchema.migrate(old.worker)
            #expect(second.from == 1 && second.to == PostgresSchema.version)
            try await TestDatabase.with { new in
                try await PostgresSchema.migrate(new.worker)
                try await PostgresGraphImport(directory: graph).load(into: new.worker)
                let migrated = try await old.worker.read(deadline: nil) { try CorpusStatistics($0) }
                let fresh = try await new.worker.read(deadline: nil) { try CorpusStatistics($0) }
                #expect(migrated.stored == migrated.counted)
                #expect(migrated.stored == fresh.stored)
                #expect(migrated.stored.rows > 1_000)
                let server = try PostgresLocation(parsing: PostgresTestServer.primary ?? "")
                let oldStore = try await PostgresGraphStore.open(server.with(database: old.name), readers: 1)
                let newStore = try await PostgresGraphStore.open(server.with(database: new.name), readers: 1)
                var different: [String] = []
                for item in cases {
                    let (migratedAnswer, freshAnswer) = (await item.ask(oldStore), await item.ask(newStore))
                    if migratedAnswer != freshAnswer { different.append(item.name) }
                }
                await oldStore.close()
                await newStore.close()
                #expect(different.isEmpty)
            }
        }
    }
}

/// `search_corpus`'s row and the same figures counted over `search` itself.
private struct CorpusStatistics {
    struct Counts: Equatable {
        var rows: Int64
        var tokens: Int64
    }

    var stored: Counts
    var counted: Counts

    init(_ session: PostgresSession) throws {
        let row = try session.query(
            """
            SELECT c.rows, c.tokens, s.rows, s.tokens FROM search_corpus c,
                (SELECT count(*) AS rows, coalesce(sum(
                    (SELECT coalesce(sum(cardinality(u.positions)), 0) FROM unnest(document) u)), 0)::bigint AS tokens
                 FROM search) s
            """
        ).first
        let values = try row?.decode((Int64, Int64, Int64, Int64).self)
        self.stored = Counts(rows: values?.0 ?? -1, tokens: values?.1 ?? -1)
        self.counted = Counts(rows: values?.2 ?? 0, tokens: values?.3 ?? 0)
    }
}
