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
