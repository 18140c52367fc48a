import ChronoClient
import ChronoGraph
import ChronoProtocol
import ChronoStorePostgres
import ChronoTesting
import Foundation
import Testing

/// Two chronod processes on one PostgreSQL database, as two nodes of one service: node A reads from the primary,
/// node B from the streaming replica; both take writes (on the primary).
@Suite(.serialized, .timeLimit(.minutes(3))) struct MultiNodeTests {
    static let available = PostgresTestServer.primary != nil && PostgresTestServer.replica != nil
    /// A window in the future: of the repository's events only those with open or uncertain ends may meet it, and
    /// the test's own events fall in it.
    static let window: [String: JSONValue] = ["from": "2091", "to": "2099", "limit": 500]

    /// A new event in `window`, with the repository's actors and a line of its first document.
    static func event(_ number: Int) -> JSONValue {
        [
            "record": "event", "id": .string("node-written-\(number)"), "type": "statement",
            "title": .string("Written through a node \(number)"), "summary": "Written by the multi-node test.",
            "date": ["edtf": .string("20\(91 + number % 9)")],
            "participants": [
                ["entity": "azerbaijan", "role": "agent"], ["entity": "ilham-aliyev", "role": "target"],
            ],
            "citations": [["doc": "000_58cdf720df08e1c1.txt", "lines": [1, 2]]],
        ]
    }

    static func subscribe(_ client: ChronoClient, since: Int64? = nil) -> AsyncThrowingStream<Frame, any Error> {
        var params: [String: JSONValue] = [
            "query": ["method": .string(MethodName.timelineQuery.rawValue), "params": .object(Self.window)]
        ]
        if let since { params["since_revision"] = .int(since) }
        return client.stream(method: MethodName.watchSubscribe.rawValue, params: params)
    }

    /// Writes `numbers` as one event each through `client`; returns the revisions the writes committed as.
    static func write(_ numbers: ClosedRange<Int>, through client: ChronoClient) async throws -> [Int64] {
        var revisions: [Int64] = []
        for number in numbers {
            let result = try await client.call(.factsWrite, params: ["upserts": [Self.event(number)]]).get()
            revisions.append(try #require(result["revision"]?.intValue))
        }
        return revisions
    }

    /// How many times each event id was added across `frames`.
    static func additions(_ frames: [JSONValue]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for frame in frames {
            for item in frame["added"]?.arrayValue ?? [] { counts[SubscriberState.key(item).id, default: 0] += 1 }
        }
        return counts
    }

    @Test(.enabled(if: Self.available, PostgresTestServer.skipped))
    func aSubscriberOnOneNodeSeesEveryWriteThroughTheOtherOnceAndInOrderAndResumesOnEither() async throws {
        try await TestDatabase.with { database in
            let primary = try PostgresLocation(parsing: PostgresTestServer.primary ?? "").with(database: database.name)
            let replica = try PostgresLocation(parsing: PostgresTestServer.replica ?? "").with(database: database.name)
            let graph = Repository.url("Graph").path
            let nodeA = try await Chronod.start(arguments: ["--store", "\(primary)", "--graph", graph])
            let nodeB: Chronod
            do {
                nodeB = try await Chronod.start(arguments: ["--store", "\(primary)", "--read-url", "\(replica)"])
            } catch {
                await nodeA.stop()
                throw error
            }
            let outcome: Result<Delivery, any Error>
            do {
                outcome = .success(try await Self.deliverAndResume(nodeA: nodeA, nodeB: nodeB))
            } catch {
                outcome = .failure(error)
            }
            let stoppedA = await nodeA.stop()
            let stoppedB = await nodeB.stop()
            let delivery = try outcome.get()
            #expect(stoppedA.status == 0, "node A: \(stoppedA.stderr)")
            #expect(stoppedB.status == 0, "node B: \(stoppedB.stderr)")

            // Writes through A: one gap-free revision each.
            let first = try #require(delivery.writes.first)
            #expect(delivery.writes == Array(first...(first + Int64(delivery.writes.count) - 1)))
            // B's subscriber: revisions only go forward, every write added exactly once, the state exact.
            let revisions = delivery.frames.compactMap { $0["revision"]?.intValue }
            #expect(revisions == revisions.sorted() && Set(revisions).count == revisions.count)
            let written = Set((1...12).map { "node-written-\($0)" })
            #expect(Self.additions(delivery.frames) == Dictionary(uniqueKeysWithValues: written.map { ($0, 1) }))
            #expect(Set(delivery.held.items.keys.map(\.id).filter { $0.hasPrefix("node-written-") }) == written)
            // Writes through B, resumed on A from the last revision held: exactly the missed events.
            #expect(delivery.resumed["kind"] == "change")
            #expect(delivery.resumed["since"]?.intValue == delivery.held.revision)
            #expect(Set(Self.additions([delivery.resumed]).keys) == Set((13...17).map { "node-written-\($0)" }))
            #expect(delivery.resumed["removed"]?.arrayValue?.isEmpty ?? true)
        }
    }

    private struct Delivery: Sendable {
        var writes: [Int64]
        var frames: [JSONValue]
        var held: SubscriberState
        var resumed: JSONValue
    }

    private static func deliverAndResume(nodeA: Chronod, nodeB: Chronod) async throws -> Delivery {
        let writerA = try await ChronoClient.connect(host: "127.0.0.1", port: nodeA.port)
        let subscriberB = try await ChronoClient.connect(host: "127.0.0.1", port: nodeB.port)
        var iterator = Self.subscribe(subscriberB).makeAsyncIterator()
        var state = SubscriberState()
        var frames = try await follow(&iterator, into: &state, until: 0)
        let writes = try await Self.write(1...12, through: writerA)
        frames += try await follow(&iterator, into: &state, until: writes.last ?? 0)
        try await subscriberB.close()

        let writerB = try await ChronoClient.connect(host: "127.0.0.1", port: nodeB.port)
        _ = try await Self.write(13...17, through: writerB)
        try await writerB.close()
        var resumed = Self.subscribe(writerA, since: state.revision).makeAsyncIterator()
        guard case .data(let frame)? = try await resumed.next() else {
            throw ChronoError.internal("the resumed subscription did not start with a data frame")
        }
        try await writerA.close()
        return Delivery(
            writes: writes,
            frames: frames.filter { $0["kind"] == "change" },
            held: state,
            resumed: frame.data
        )
    }
}
