import ChronoStorePostgres
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
                    "events_id_key", "events_order", "events_pkey", "events_span", "events_type", "search_document",
                    "search_pkey",
                ]
            )
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
}
