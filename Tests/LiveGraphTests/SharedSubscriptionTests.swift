import ChronoClient
import ChronoProtocol
import ChronoTesting
import Testing

@testable import ChronoServer

/// Many subscriptions of the same queries share one evaluation per commit (`SharedEvaluations`); each of
/// them must still see every change exactly once, in revision order, and end equal to a fresh query.
@Suite(.heavy, .timeLimit(.minutes(2))) struct SharedSubscriptionTests {
    static let queries: [(MethodName, [String: JSONValue])] = [
        (.timelineQuery, ["from": 1980, "to": 2030, "limit": 500]),
        (.timelineQuery, ["from": 1980, "to": 2030, "limit": 40]),
        (.graphNeighbors, ["id": "entity-000", "depth": 2]),
    ]

    @Test func everySubscriberOfASharedQueryReplaysToAFreshAnswer() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        try await withServer(live: fixture.live, liveConfiguration: LiveFixture.liveConfiguration) { port in
            let connections = try await (0..<3).asyncMap { _ in
                try await ChronoClient.connect(host: "127.0.0.1", port: port)
            }
            let writer = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            // 18 subscriptions over 3 connections, 6 per query; every fourth one has a deadline and so
            // evaluates on its own instead of sharing.
            var streams: [(query: Int, stream: AsyncThrowingStream<Frame, any Error>)] = []
            for index in 0..<18 {
                let (method, params) = Self.queries[index % Self.queries.count]
                let stream = connections[index % connections.count].stream(
                    method: MethodName.watchSubscribe.rawValue,
                    params: ["query": ["method": .string(method.rawValue), "params": .object(params)]],
                    deadline: index % 4 == 3 ? .seconds(100) : nil
                )
                streams.append((index % Self.queries.count, stream))
            }
            var iterators = streams.map { $0.stream.makeAsyncIterator() }
            var states = Array(repeating: SubscriberState(), count: streams.count)
            var frames: [[JSONValue]] = Array(repeating: [], count: streams.count)
            for index in iterators.indices {
                frames[index] += try await follow(&iterators[index], into: &states[index], until: 0)
            }
            var writes = RandomWrites(seed: 4242)
            var revision: Int64 = 0
            for _ in 0..<20 {
                let result = try await writer.call(.factsWrite, params: writes.batch()).get()
                revision = result["revision"]?.intValue ?? revision
            }
            for index in iterators.indices {
                frames[index] += try await follow(&iterators[index], into: &states[index], until: revision)
            }
            for (index, (query, _)) in streams.enumerated() {
                let (method, params) = Self.queries[query]
                let fresh = try await SubscriberState.fresh(writer, method, params)
                #expect(states[index].items == fresh, "subscriber \(index)")
                #expect(states[index].revision == revision, "subscriber \(index)")
                let revisions = frames[index].filter { $0["kind"]?.stringValue != "progress" }.compactMap {
                    $0["revision"]?.intValue
                }
                #expect(
                    revisions == revisions.sorted() && Set(revisions).count == revisions.count,
                    "subscriber \(index)"
                )
                if Self.queries[query].0 == .timelineQuery {
                    #expect(frames[index].contains { $0["kind"]?.stringValue == "change" }, "subscriber \(index)")
                }
            }
            for connection in connections { try await connection.close() }
            try await writer.close()
        }
    }
}

extension Sequence where Element: Sendable {
    /// The elements mapped by an async function, in order.
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async throws -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
