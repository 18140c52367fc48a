import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

@testable import ChronoStore

/// `GraphStore.answerAtOnce`: a query answered on the caller's thread by a quick reader is the answer the
/// queues give; one that runs past its budget, or finds every quick reader busy, is declined and leaves the
/// connection as it found it; the call's own deadline and the query's errors are thrown as `run` throws them.
@Suite("Answering at once on the caller's thread")
struct QuickAnswerTests {
    /// A statement that runs for minutes unless interrupted.
    private static let endless =
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"

    private static let budget = Duration.seconds(30)

    /// `query` answered at once and through the queues, in wire form.
    private static func bothWays<Query: GraphQuery>(
        _ query: Query,
        on store: GraphStore
    ) async throws -> (atOnce: JSONValue?, queued: JSONValue) where Query.Result: WireEncodable {
        let atOnce = try store.answerAtOnce(query, budget: Self.budget, deadline: nil)
        let queued = try await store.run(query)
        return (try atOnce.map { try wireForm($0) }, try wireForm(queued))
    }

    @Test func answersAtOnceAreTheQueuesAnswers() async throws {
        let fixture = try await FixtureStore.open(quickReaders: 1)
        defer { fixture.close() }
        let store = fixture.store
        let answers = [
            try await Self.bothWays(NeighborsQuery(id: "azerbaijan"), on: store),
            try await Self.bothWays(NeighborsQuery(id: "azerbaijan", depth: 2), on: store),
            try await Self.bothWays(PathsQuery(from: "baku", to: "germany"), on: store),
            try await Self.bothWays(TimelineQuery(), on: store),
            try await Self.bothWays(EntityQuery(id: "baku"), on: store),
            try await Self.bothWays(StatsQuery(), on: store),
        ]
        for (atOnce, queued) in answers {
            #expect(atOnce != nil)
            #expect(atOnce == queued)
        }
    }

    @Test func aStoreWithoutQuickReadersAnswersNothingAtOnce() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        #expect(try fixture.store.answerAtOnce(StatsQuery(), budget: Self.budget, deadline: nil) == nil)
    }

    @Test func theQueriesErrorsAndTheCallsDeadlineAreThrown() async throws {
        let fixture = try await FixtureStore.open(quickReaders: 1)
        defer { fixture.close() }
        #expect(throws: UnknownEntityError.self) {
            try fixture.store.answerAtOnce(NeighborsQuery(id: "no-such-entity"), budget: Self.budget, deadline: nil)
        }
        let passed = ContinuousClock.now - .seconds(1)
        let error = #expect(throws: ChronoError.self) {
            try fixture.store.answerAtOnce(StatsQuery(), budget: Self.budget, deadline: passed)
        }
        #expect(error?.code == .deadlineExceeded)
    }

    @Test(.timeLimit(.minutes(1))) func aReadPastItsBudgetIsStoppedAndDeclined() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Connection(path: directory.databasePath)
        let readers = try QuickReaders(path: directory.databasePath, count: 1)
        let started = ContinuousClock.now
        let declined = try readers.attempt(budget: .milliseconds(100), deadline: .now + .seconds(30)) {
            connection,
            _ in try connection.prepare(Self.endless).run()
        }
        #expect(declined == nil)
        #expect(ContinuousClock.now - started < .seconds(10))
        // The connection is free again and out of its transaction: the next read runs and answers.
        let answer = try readers.attempt(budget: Self.budget, deadline: nil) { connection, _ in
            try connection.prepare("SELECT 41 + 1").first { $0.int64(0) }
        }
        #expect(answer == 42)
    }

    @Test func aBusyReaderIsNotWaitedFor() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Connection(path: directory.databasePath)
        let readers = try QuickReaders(path: directory.databasePath, count: 1)
        let inner = try readers.attempt(budget: Self.budget, deadline: nil) { _, _ in
            try readers.attempt(budget: Self.budget, deadline: nil) { _, _ in "ran" }
        }
        #expect(inner == .some(nil))
        let two = try QuickReaders(path: directory.databasePath, count: 2)
        let second = try two.attempt(budget: Self.budget, deadline: nil) { _, _ in
            try two.attempt(budget: Self.budget, deadline: nil) { _, _ in "ran" }
        }
        #expect(second == "ran")
    }
}
