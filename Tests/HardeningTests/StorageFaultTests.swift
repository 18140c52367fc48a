import ChronoClient
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

/// Writes fail with a clear status on a full or read-only database, and the daemon keeps serving reads.
@Suite(.heavy, .timeLimit(.minutes(1))) struct StorageFaultTests {
    /// Ten heavy new events: far more than a database held at its current size can take.
    private static let batch: JSONValue = .array(
        (0..<10).map { index in
            HardeningFixture.event(
                "fault-\(index)",
                year: 2000,
                summary: String(repeating: "filler ", count: 4_000)
            )
        }
    )

    @Test func writeOnAFullDatabaseIsResourceExhaustedAndReadsGoOn() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let store = fixture.live.store
        // `max_page_count` at the current size makes SQLite answer SQLITE_FULL as a full disk would.
        let pages = try await store.writer.run(deadline: nil) { connection, _ in
            let pages = try connection.cached("PRAGMA page_count").first { $0.int64(0) } ?? 0
            try connection.execute("PRAGMA max_page_count = \(pages)")
            return pages
        }
        let before = try await store.revision()
        try await withServer(live: fixture.live) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let write = try await client.call(.factsWrite, params: ["upserts": Self.batch])
            let read = try await client.call(.timelineQuery, params: ["limit": 5])
            let search = try await client.call(.healthCheck)
            // Room again (the disk was cleared): the same write now succeeds.
            try await store.writer.run(deadline: nil) { connection, _ in
                try connection.execute("PRAGMA max_page_count = \(pages * 100)")
            }
            let retry = try await client.call(.factsWrite, params: ["upserts": Self.batch])
            try await client.close()
            #expect(write.status == .resourceExhausted)
            #expect(write.message == "the database is full")
            #expect(write.revision == before)
            #expect(read.status == .ok)
            #expect(search.status == .ok)
            #expect(retry.status == .ok)
            #expect(retry.revision == before + 1)
        }
        #expect(try await store.revision() == before + 1)
    }

    @Test func writeOnAReadOnlyDatabaseIsFailedPreconditionAndReadsGoOn() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let store = fixture.live.store
        // Tests run as root, which file modes do not stop; `query_only` refuses writes as a read-only file does.
        try await store.writer.run(deadline: nil) { connection, _ in
            try connection.execute("PRAGMA query_only = 1")
        }
        let before = try await store.revision()
        try await withServer(live: fixture.live) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let write = try await client.call(.factsWrite, params: ["upserts": Self.batch])
            let retraction = try await client.call(.factsWrite, params: ["retractions": ["event-1"]])
            let read = try await client.call(.timelineQuery, params: ["limit": 5])
            try await client.close()
            #expect(write.status == .failedPrecondition)
            #expect(write.message == "the database is read-only")
            #expect(retraction.status == .failedPrecondition)
            #expect(read.status == .ok)
        }
        #expect(try await store.revision() == before)
    }
}
