import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoTesting
import Foundation
import NIOCore
import NIOPosix
import Testing

@Suite(.heavy, .timeLimit(.minutes(2))) struct SlowSubscriberTests {
    private struct Observed: Sendable {
        var ordinary: StatusCode
        var frames: [Frame]
    }

    @Test func subscriberThatStopsReadingIsCutOffWhileOtherCallsComplete() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let configuration = LiveConfiguration(
            progressInterval: .milliseconds(50),
            queueFrames: 4,
            queueBytes: 1_048_576
        )
        let box = OutcomeBox<Observed>()
        try await withServer(live: fixture.live, liveConfiguration: configuration) { port in
            let slow = try await Self.connectWithoutReading(port: port)
            box.outcome = try await slow.executeThenClose { inbound, outbound in
                let request =
                    #"{"id":1,"method":"chrono.v1.Watch/Subscribe","params":{"query":"#
                    + #"{"method":"chrono.v1.Entity/Get","params":{"id":"entity-003"}}}}"# + "\n"
                try await outbound.write(ByteBuffer(string: request))
                let writer = try await ChronoClient.connect(host: "127.0.0.1", port: port)
                let padding = String(repeating: "x", count: 60_000)
                for index in 0..<Self.rounds {
                    let summary = "Round \(index) \(padding)"
                    _ = try await writer.call(
                        .factsWrite,
                        params: ["upserts": [LiveFixture.entityRecord(3, summary: summary)]]
                    ).get()
                }
                let ordinary = try await writer.call(.statsGet)
                try await writer.close()
                var frames: [Frame] = []
                var line: [UInt8] = []
                reading: for try await buffer in inbound {
                    let bytes = Array(buffer.readableBytesView)
                    var start = 0
                    while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                        line += bytes[start..<newline]
                        frames.append(try Frame.decode(line: Data(line)))
                        line.removeAll(keepingCapacity: true)
                        start = newline + 1
                        if case .terminal = frames.last { break reading }
                    }
                    line += bytes[start...]
                }
                return Observed(ordinary: ordinary.status, frames: frames)
            }
        }
        let observed = try #require(box.outcome)
        #expect(observed.ordinary == .ok)
        guard case .terminal(let terminal)? = observed.frames.last else {
            Issue.record("the stream did not end with a terminal frame")
            return
        }
        #expect(terminal.status == .resourceExhausted)
        #expect(terminal.message?.contains("since_revision") == true)
        let changes = observed.frames.filter { frame in
            if case .data(let data) = frame { return data.data["kind"] == "change" }
            return false
        }
        #expect(changes.count < Self.rounds)
    }

    /// Writes of about 60 KB each: 6.6 MB of change frames, more than the subscriber's way can hold (the
    /// server's socket send buffer, at most 4 MB with Linux's default `tcp_wmem`, the reader's 4 KB receive
    /// buffer and the 1 MB queue), so the queue must overflow.
    private static let rounds = 110

    /// A raw connection whose inbound side the test leaves unread until the writes are done (NIO then stops
    /// reading from the socket, so the server's socket buffers fill). Its receive buffer is set small before
    /// connecting, which keeps the kernel from growing it to many megabytes.
    private static func connectWithoutReading(port: Int) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.so_rcvbuf), value: 4096)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }
}
