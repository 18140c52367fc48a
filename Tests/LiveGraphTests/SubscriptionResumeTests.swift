import ChronoClient
import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

@testable import ChronoServer

@Suite(.heavy, .timeLimit(.minutes(2))) struct SubscriptionResumeTests {
    static let params: [String: JSONValue] = ["from": 1980, "to": 2030, "limit": 500]

    private static func subscribe(_ client: ChronoClient, since: Int64? = nil) -> AsyncThrowingStream<Frame, any Error>
    {
        var params: [String: JSONValue] = [
            "query": ["method": .string(MethodName.timelineQuery.rawValue), "params": .object(Self.params)]
        ]
        if let since { params["since_revision"] = .int(since) }
        return client.stream(method: MethodName.watchSubscribe.rawValue, params: params)
    }

    private struct Resumed: Sendable {
        var before: [ResultItems.Key: JSONValue]
        var first: JSONValue
        var after: SubscriberState
        var fresh: [ResultItems.Key: JSONValue]
        var since: Int64
    }

    @Test func resumeAfterADroppedConnectionReplaysExactlyTheMissedChanges() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let box = OutcomeBox<Resumed>()
        try await withServer(live: fixture.live, liveConfiguration: LiveFixture.liveConfiguration) { port in
            let writer = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            var writes = RandomWrites(seed: 42)
            var state = SubscriberState()
            let first = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            var iterator = Self.subscribe(first).makeAsyncIterator()
            _ = try await follow(&iterator, into: &state, until: 0)
            var revision: Int64 = 0
            for _ in 0..<5 {
                revision = try await writer.call(.factsWrite, params: writes.batch()).get()["revision"]?.intValue ?? 0
            }
            _ = try await follow(&iterator, into: &state, until: revision)
            try await first.close()
            let held = state
            for _ in 0..<8 { _ = try await writer.call(.factsWrite, params: writes.batch()).get() }
            let second = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            var resumed = Self.subscribe(second, since: held.revision).makeAsyncIterator()
            guard case .data(let frame)? = try await resumed.next() else {
                throw ChronoError.internal("resume did not start with a data frame")
            }
            state.apply(frame.data)
            let fresh = try await SubscriberState.fresh(writer, .timelineQuery, Self.params)
            try await second.close()
            try await writer.close()
            box.outcome = Resumed(
                before: held.items,
                first: frame.data,
                after: state,
                fresh: fresh,
                since: held.revision
            )
        }
        let outcome = try #require(box.outcome)
        let keys = { (name: String) in Set((outcome.first[name]?.arrayValue ?? []).map(SubscriberState.key)) }
        #expect(outcome.first["kind"] == "change")
        #expect(outcome.first["since"]?.intValue == outcome.since)
        #expect(outcome.after.items == outcome.fresh)
        #expect(keys("added") == Set(outcome.fresh.keys).subtracting(outcome.before.keys))
        #expect(keys("removed") == Set(outcome.before.keys).subtracting(outcome.fresh.keys))
        let changed = Set(
            outcome.fresh.keys.filter { key in outcome.before[key].map { $0 != outcome.fresh[key] } ?? false }
        )
        #expect(keys("changed") == changed)
        #expect(!changed.isEmpty || !keys("added").isEmpty)
    }

    @Test func resumeFromACompactedRevisionIsOutOfRange() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let box = OutcomeBox<Response>()
        try await withServer(live: fixture.live, liveConfiguration: LiveFixture.liveConfiguration) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            var writes = RandomWrites(seed: 7)
            let start = try await client.call(.factsWrite, params: writes.batch()).get()["revision"]?.intValue ?? 0
            var revision = start
            for _ in 0..<3 {
                revision = try await client.call(.factsWrite, params: writes.batch()).get()["revision"]?.intValue ?? 0
            }
            _ = try await client.call(.factsCompact, params: ["revision": .int(revision - 1)]).get()
            var terminal: Response?
            for try await frame in Self.subscribe(client, since: start) {
                if case .terminal(let response) = frame { terminal = response }
            }
            try await client.close()
            box.outcome = terminal
        }
        let terminal = try #require(box.outcome)
        #expect(terminal.status == .outOfRange)
        #expect(terminal.message?.contains("compacted") == true)
        #expect(terminal.message?.contains("resync") == true)
    }
}
