import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

@testable import ChronoStore

@Suite("Deadlines and cancellation interrupt queries", .heavy, .timeLimit(.minutes(1)))
struct InterruptionTests {
    /// A statement that runs for minutes unless interrupted.
    private static let endless =
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"

    @Test func deadlineInterruptsARunningStatement() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let started = ContinuousClock.now
        let error = await #expect(throws: ChronoError.self) {
            try await fixture.store.read(deadline: .now + .milliseconds(200)) { connection, _ in
                try connection.prepare(Self.endless).run()
            }
        }
        #expect(error?.code == .deadlineExceeded)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func taskCancellationInterruptsARunningStatement() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let store = fixture.store
        let task = Task {
            try await store.read(deadline: nil) { connection, _ in try connection.prepare(Self.endless).run() }
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        #expect(throws: ChronoError.cancelled("the call was cancelled")) { try result.get() }
        #expect(try await store.revision() == 1)
    }

    @Test func expiredDeadlineStopsEveryQueryBeforeItRuns() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let past = ContinuousClock.now - .seconds(1)
        let timeline = await #expect(throws: ChronoError.self) {
            try await fixture.store.run(TimelineQuery(), deadline: past)
        }
        #expect(timeline?.code == .deadlineExceeded)
        let neighbors = await #expect(throws: ChronoError.self) {
            try await fixture.store.run(NeighborsQuery(id: "azerbaijan"), deadline: past)
        }
        #expect(neighbors?.code == .deadlineExceeded)
    }

    @Test func traversalLoopsCheckTheDeadline() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let error = await #expect(throws: ChronoError.self) {
            try await fixture.store.read(deadline: .now + .milliseconds(100)) { connection, context in
                let reader = GraphReader(rows: SQLiteRows(connection: connection, context: context), context: context)
                while true { _ = try reader.adjacency(["azerbaijan"], filter: EdgeFilter()) }
            }
        }
        #expect(error?.code == .deadlineExceeded)
    }
}
