import ChronoClient
import ChronoHTTP
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import NIOCore
import NIOPosix
import Testing

/// A client that stops reading a stream holds the call still (the response writer waits for it) instead of
/// letting the daemon buffer the rest; when it goes away, the call ends.
@Suite(.heavy, .timeLimit(.minutes(3))) struct SlowHTTPClientTests {
    static let events = 4_000
    static let summaryLength = 3_000

    /// A graph whose whole timeline streams as some 12 MB, far more than the sockets between the two ends hold.
    private static func writeGraph(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Repository.url("Graph/vocabulary.json"),
            to: directory.appendingPathComponent("vocabulary.json")
        )
        let citation: JSONValue = [["doc": "big.txt", "lines": [1, 2]]]
        var lines: [JSONValue] = [
            ["record": "document", "id": "big.txt", "title": "Big", "lines": 10],
            [
                "record": "entity", "id": "state-a", "kind": "state", "name": "State A", "aliases": [],
                "summary": "A state.", "attributes": [:], "citations": citation,
            ],
        ]
        let filler = String(repeating: "words of a long summary ", count: Self.summaryLength / 24)
        for index in 0..<Self.events {
            lines.append([
                "record": "event", "id": .string("event-\(index)"), "type": "statement",
                "title": .string("Event \(index)"), "summary": .string(filler),
                "date": ["edtf": .string(String(1900 + index % 100))],
                "participants": [["entity": "state-a", "role": "agent"]], "citations": citation,
            ])
        }
        let text = lines.map(\.canonicalText).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: directory.appendingPathComponent("records.jsonl"))
    }

    private static func streamCalls(_ fixture: GatewayFixture, status: String? = nil) async throws -> Double {
        let answer = try await fixture.get("/metrics")
        var labels = ["method": "chrono.v1.Timeline/Stream", "transport": "http"]
        if let status { labels["status"] = status }
        return try PrometheusText(String(decoding: answer.body, as: UTF8.self)).value("chrono_calls_total", labels)
    }

    @Test func aClientThatDoesNotReadHoldsItsStreamAndEndsItByLeaving() async throws {
        let directory = try TemporaryDirectory(prefix: "chronograph-big")
        defer { directory.remove() }
        try Self.writeGraph(to: directory.url)
        let fixture = try await GatewayFixture.start(graph: directory.url)
        do {
            // A reading client gets the whole stream.
            let whole = try await fixture.post("chrono.v1.Timeline/Stream", params: [:])
            #expect(try whole.lines.count == Self.events + 1)
            #expect(try await Self.streamCalls(fixture, status: "OK") == 1)

            let silent = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelOption(.socketOption(.so_rcvbuf), value: 4096)
                .channelOption(.autoRead, value: false)
                .connect(host: "127.0.0.1", port: fixture.http.port)
                .get()
            let body = "{}"
            let request =
                "POST /v1/Timeline/Stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
            try await silent.writeAndFlush(ByteBuffer(string: request))
            try await Task.sleep(for: .seconds(4))
            // Still running: the call waits on its unread frames rather than finishing into memory.
            #expect(try await Self.streamCalls(fixture) == 1)
            try await Task.sleep(for: .seconds(2))
            #expect(try await Self.streamCalls(fixture) == 1)

            try await silent.close()
            let clock = ContinuousClock()
            let until = clock.now + .seconds(15)
            while try await Self.streamCalls(fixture) < 2, clock.now < until {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(try await Self.streamCalls(fixture) == 2, "the call should end once its client has gone")
            #expect(try await Self.streamCalls(fixture, status: "OK") == 1)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }
}
