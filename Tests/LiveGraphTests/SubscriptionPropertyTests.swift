import ChronoClient
import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

@testable import ChronoServer

@Suite(.heavy, .timeLimit(.minutes(2))) struct SubscriptionPropertyTests {
    static let queries: [(MethodName, [String: JSONValue])] = [
        (.timelineQuery, ["from": 1980, "to": 2030, "limit": 500]),
        (.graphNeighbors, ["id": "entity-000", "depth": 2]),
        (.entitySearch, ["text": "entity", "limit": 100]),
    ]

    @Test(arguments: 0..<3)
    func initialResultPlusEveryChangeEqualsAFreshQuery(query: Int) async throws {
        let (method, params) = Self.queries[query]
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let outcome = try await Self.run(fixture, method: method, params: params, seed: UInt64(query) * 7919 + 1)
        #expect(outcome.state.items == outcome.fresh)
        #expect(outcome.state.revision == outcome.finalRevision)
        #expect(outcome.kinds.first == "initial")
        #expect(outcome.kinds.contains("change"))
    }

    private struct Outcome: Sendable {
        var state: SubscriberState
        var fresh: [ResultItems.Key: JSONValue]
        var finalRevision: Int64
        var kinds: [String]
    }

    private static func run(
        _ fixture: LiveFixture,
        method: MethodName,
        params: [String: JSONValue],
        seed: UInt64
    ) async throws -> Outcome {
        let box = OutcomeBox<Outcome>()
        try await withServer(live: fixture.live, liveConfiguration: LiveFixture.liveConfiguration) { port in
            let subscriber = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let writer = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let stream = subscriber.stream(
                method: MethodName.watchSubscribe.rawValue,
                params: ["query": ["method": .string(method.rawValue), "params": .object(params)]]
            )
            var iterator = stream.makeAsyncIterator()
            var state = SubscriberState()
            var writes = RandomWrites(seed: seed)
            var revision: Int64 = 0
            // The first writes race the subscription's start: none may fall between its initial result and its feed.
            for _ in 0..<5 {
                let result = try await writer.call(.factsWrite, params: writes.batch()).get()
                revision = result["revision"]?.intValue ?? revision
            }
            var frames = try await follow(&iterator, into: &state, until: 0)
            for _ in 0..<25 {
                let result = try await writer.call(.factsWrite, params: writes.batch()).get()
                revision = result["revision"]?.intValue ?? revision
            }
            frames += try await follow(&iterator, into: &state, until: revision)
            let fresh = try await SubscriberState.fresh(writer, method, params)
            try await subscriber.close()
            try await writer.close()
            box.outcome = Outcome(
                state: state,
                fresh: fresh,
                finalRevision: revision,
                kinds: frames.compactMap { $0["kind"]?.stringValue }
            )
        }
        return try #require(box.outcome)
    }
}

/// Carries a result out of a `@Sendable` closure run exactly once.
final class OutcomeBox<T: Sendable>: @unchecked Sendable {
    // Written once inside the server closure, read after it returned: no concurrent access.
    var outcome: T?
}
