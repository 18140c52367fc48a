import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoStore
import ChronoTesting
import Foundation
import Logging
import NIOCore
import Testing

/// Slow and abusive clients are cut off at their bounds while an ordinary client is served meanwhile.
@Suite(.heavy, .timeLimit(.minutes(1))) struct SlowClientTests {
    @Test func idleConnectionIsClosedAfterTheIdleTimeoutWhileOthersAreServed() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let configuration = ChronoServer.Configuration(
            shutdownGracePeriod: .milliseconds(200),
            idleTimeout: .seconds(5)
        )
        try await withServer(live: fixture.live, configuration: configuration) { port in
            let (ending, statuses) = try await RawClient.with(port: port) { idle in
                // Ordinary clients, each on a short connection, are served while the idle one waits. Each sends
                // its call as soon as it is connected; the 5 s idle timeout is its margin: a client starved for
                // 5 s between connect and send would be idle itself (heavy suites take turns, so nothing in
                // this process starves it that long).
                var statuses: [StatusCode] = []
                for _ in 0..<6 {
                    let ordinary = try await ChronoClient.connect(host: "127.0.0.1", port: port)
                    statuses.append(try await ordinary.call(.healthCheck).status)
                    try await ordinary.close()
                    try await Task.sleep(for: .milliseconds(100))
                }
                return (await idle.waitForClose(within: .seconds(20)), statuses)
            }
            let ordinary = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let after = try await ordinary.call(.healthCheck)
            try await ordinary.close()
            #expect(ending == .closed(bytes: 0))
            #expect(statuses == Array(repeating: .ok, count: 6))
            #expect(after.status == .ok)
        }
    }

    @Test func halfALineThenSilenceIsDroppedAfterThePartialLineTimeout() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let configuration = ChronoServer.Configuration(
            shutdownGracePeriod: .milliseconds(200),
            idleTimeout: .seconds(600),
            partialLineTimeout: .milliseconds(300)
        )
        try await withServer(live: fixture.live, configuration: configuration) { port in
            let ordinary = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            // Closed within the wait while the idle timeout is ten minutes away: the partial-line timer did it.
            let (ending, during) = try await RawClient.with(port: port) { stalled in
                try await stalled.send("{\"id\":1,\"method\":\"chrono.v1.Health/Ch")
                let during = try await ordinary.call(.healthCheck)
                return (await stalled.waitForClose(within: .seconds(40)), during)
            }
            let after = try await ordinary.call(.healthCheck)
            try await ordinary.close()
            #expect(ending == .closed(bytes: 0))
            #expect(during.status == .ok)
            #expect(after.status == .ok)
        }
    }

    @Test func completeLinesSentSlowlyAreServedNormally() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let configuration = ChronoServer.Configuration(
            shutdownGracePeriod: .milliseconds(200),
            idleTimeout: .seconds(30),
            partialLineTimeout: .seconds(5)
        )
        try await withServer(live: fixture.live, configuration: configuration) { port in
            let statuses = try await RawClient.with(port: port) { client in
                // Each line arrives in two pieces (the timers themselves are pinned by ConnectionGuardHandlerTests).
                for id in 1...3 {
                    let line = RawClient.line(id: id, method: .healthCheck)
                    let middle = line.index(line.startIndex, offsetBy: line.count / 2)
                    try await client.send(String(line[..<middle]))
                    try await Task.sleep(for: .milliseconds(100))
                    try await client.send(String(line[middle...]))
                    try await Task.sleep(for: .milliseconds(300))
                }
                return try await client.statuses(count: 3)
            }
            #expect(statuses == [.ok, .ok, .ok])
        }
    }

    @Test func pipelinedFloodHitsTheInFlightLimitWithResourceExhausted() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let configuration = ChronoServer.Configuration(
            maximumCallsPerConnection: 4,
            shutdownGracePeriod: .milliseconds(200)
        )
        try await withServer(live: fixture.live, configuration: configuration) { port in
            let count = 100
            let ordinary = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let (statuses, during) = try await RawClient.with(port: port) { flood in
                // Heavy calls, all sent before any is answered.
                let lines = (1...count).map { id in
                    RawClient.line(id: id, method: .timelineQuery, params: "{\"limit\":5}")
                }
                try await flood.send(lines.joined())
                let during = try await ordinary.call(.healthCheck, deadline: .seconds(10))
                return (try await flood.statuses(count: count), during)
            }
            try await ordinary.close()
            #expect(statuses.count == count)
            #expect(statuses.contains(.ok))
            #expect(statuses.contains(.resourceExhausted))
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .resourceExhausted })
            #expect(during.status == .ok)
        }
    }

    @Test func clientThatNeverReadsIsDisconnectedAtItsOutputBound() async throws {
        let fixture = try await HardeningFixture.make(heavy: true)
        defer { fixture.remove() }
        let configuration = ChronoServer.Configuration(
            shutdownGracePeriod: .milliseconds(200),
            maximumPendingOutputBytes: 256 * 1_024
        )
        let server = try await ChronoServer.bind(
            host: "127.0.0.1",
            port: 0,
            dispatcher: .serving(live: fixture.live, configuration: LiveConfiguration()),
            configuration: configuration,
            logger: Logger(label: "chronod.hardening-test")
        )
        try await server.serving { port in
            let ordinary = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let (ending, statuses) = try await RawClient.with(port: port, receiveBuffer: 4_096) { reluctant in
                // About 1.2 MB per answer and 12 answers: far more than the socket buffers and the bound together.
                let lines = (1...12).map { id in
                    RawClient.line(id: id, method: .timelineQuery, params: "{\"limit\":500}")
                }
                try await reluctant.send(lines.joined())
                // Served meanwhile: each call within its deadline, or its status would be DEADLINE_EXCEEDED.
                var statuses: [StatusCode] = []
                for _ in 0..<5 {
                    statuses.append(try await ordinary.call(.healthCheck, deadline: .seconds(10)).status)
                    try await Task.sleep(for: .milliseconds(100))
                }
                // Not a byte is read until the server has closed the connection (only the ordinary one is left),
                // however slowly a loaded machine computes the answers; then what arrives is cut short.
                let deadline = ContinuousClock.now + .seconds(40)
                while server.connectionCount > 1, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
                return (await reluctant.waitForClose(within: .seconds(15)), statuses)
            }
            let after = try await ordinary.call(.healthCheck)
            try await ordinary.close()
            guard case .closed(let bytes) = ending else {
                Issue.record("the connection of a client that never reads was not closed")
                return
            }
            #expect(bytes < 12 * 1_000_000)
            #expect(statuses == Array(repeating: .ok, count: 5))
            #expect(after.status == .ok)
        }
    }

    @Test func answersQueuedForAClientSlowToReadAreAllDeliveredPastTheIdleTimeout() async throws {
        let fixture = try await HardeningFixture.make(heavy: true)
        defer { fixture.remove() }
        let configuration = ChronoServer.Configuration(
            shutdownGracePeriod: .milliseconds(200),
            idleTimeout: .seconds(1)
        )
        try await withServer(live: fixture.live, configuration: configuration) { port in
            let statuses = try await RawClient.with(port: port, receiveBuffer: 4_096) { slow in
                // About 1.2 MB per answer and 8 answers: more than the socket buffers hold, so several of them
                // wait in the server's queue, well within the 32 MiB output bound.
                let lines = (1...8).map { id in
                    RawClient.line(id: id, method: .timelineQuery, params: "{\"limit\":500}")
                }
                try await slow.send(lines.joined())
                // Five idle timeouts pass before the client starts reading (a busy or slow client); the server
                // has written nothing new meanwhile, yet the connection is serving answers and must stay open.
                try await Task.sleep(for: .seconds(5))
                return try await slow.statuses(count: 8)
            }
            #expect(statuses == Array(repeating: .ok, count: 8))
        }
    }

    @Test func connectionLimitHoldsUnderManyConnectionsAndAdmittedClientsAreServed() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let configuration = ChronoServer.Configuration(maximumConnections: 3, shutdownGracePeriod: .milliseconds(200))
        try await withServer(live: fixture.live, configuration: configuration) { port in
            let ordinary = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let first = try await ordinary.call(.healthCheck)
            let health = RawClient.line(id: 1, method: .healthCheck)
            let (statuses, during) = try await RawClient.with(port: port) { second in
                try await RawClient.with(port: port) { third in
                    // Both are admitted once they have been answered.
                    try await second.send(health)
                    try await third.send(health)
                    let admitted = try await second.statuses(count: 1) + third.statuses(count: 1)
                    // The server is now full: every further connection gets one refusal frame, then the close.
                    var statuses: [StatusCode] = admitted
                    for _ in 0..<20 {
                        statuses += try await RawClient.with(port: port) { extra in try await extra.statuses(count: 1) }
                    }
                    return (statuses, try await ordinary.call(.healthCheck))
                }
            }
            try await ordinary.close()
            #expect(first.status == .ok)
            #expect(statuses == [.ok, .ok] + Array(repeating: .resourceExhausted, count: 20))
            #expect(during.status == .ok)
        }
    }
}
