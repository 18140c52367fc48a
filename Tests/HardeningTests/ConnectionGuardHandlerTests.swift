import Logging
import NIOCore
import NIOEmbedded
import Testing

@testable import ChronoServer

/// The guard handler on an embedded channel with a virtual clock: timers fire exactly when they should.
@Suite struct ConnectionGuardHandlerTests {
    private static func channel(
        budget: OutputBudget = OutputBudget(limit: 1_000),
        calls: CallsInFlight = CallsInFlight()
    ) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(
            ConnectionGuardHandler(
                idleTimeout: .seconds(10),
                partialLineTimeout: .seconds(2),
                budget: budget,
                calls: calls,
                logger: Logger(label: "guard-test")
            )
        )
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    @Test func silentConnectionClosesAtTheIdleTimeoutAndNotBefore() throws {
        let channel = try Self.channel()
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    @Test func silentCallInFlightKeepsTheConnectionOpen() throws {
        let calls = CallsInFlight()
        let channel = try Self.channel(calls: calls)
        calls.started()
        channel.embeddedEventLoop.advanceTime(by: .seconds(35))
        #expect(channel.isActive)
        calls.ended()
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive)
    }

    @Test func trafficEitherWayResetsTheIdleTimeout() throws {
        let calls = CallsInFlight()
        let channel = try Self.channel(calls: calls)
        for step in 0..<5 {
            channel.embeddedEventLoop.advanceTime(by: .seconds(8))
            if step.isMultiple(of: 2) {
                try channel.writeInbound(ByteBuffer(string: "{}\n"))
                calls.lineTaken()
            } else {
                try channel.writeOutbound(ByteBuffer(string: "{}\n"))
            }
        }
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive)
    }

    @Test func lineNotYetTakenBySessionKeepsTheConnectionOpen() throws {
        let calls = CallsInFlight()
        let channel = try Self.channel(calls: calls)
        // Two requests arrive; a starved session has not taken them when the idle timeout passes.
        try channel.writeInbound(ByteBuffer(string: "{\"id\":1}\n{\"id\":2}\n"))
        channel.embeddedEventLoop.advanceTime(by: .seconds(25))
        #expect(channel.isActive)
        calls.lineTaken()
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(channel.isActive)
        calls.lineTaken()
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive)
    }

    @Test func answersTheSocketHasNotTakenKeepTheConnectionOpen() throws {
        let budget = OutputBudget(limit: 1_000)
        let channel = try Self.channel(budget: budget)
        // A frame queued for a client slow to read: its bytes stay pending until the socket takes them.
        #expect(budget.reserve(600))
        channel.embeddedEventLoop.advanceTime(by: .seconds(25))
        #expect(channel.isActive)
        // The socket takes it now: that is activity, so the idle timeout counts from here.
        try channel.writeOutbound(ByteBuffer(repeating: 0x61, count: 600))
        #expect(budget.pendingBytes == 0)
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive)
    }

    @Test func incompleteLineClosesAtThePartialLineTimeout() throws {
        let channel = try Self.channel()
        try channel.writeInbound(ByteBuffer(string: "{\"id\":1,"))
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        try channel.writeInbound(ByteBuffer(string: "\"method\":"))
        #expect(channel.isActive)
        // Counted from the line's first byte, not its latest piece.
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    @Test func completedLinesStopThePartialLineTimer() throws {
        let channel = try Self.channel()
        try channel.writeInbound(ByteBuffer(string: "{\"id\":1"))
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        try channel.writeInbound(ByteBuffer(string: "}\n{\"id\":2}\n"))
        channel.embeddedEventLoop.advanceTime(by: .seconds(5))
        #expect(channel.isActive)
        // A new partial line after a newline in the same read starts the timer again.
        try channel.writeInbound(ByteBuffer(string: "{}\n{\"id\""))
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive)
    }

    @Test func writtenFramesReleaseTheirBytes() throws {
        let budget = OutputBudget(limit: 100)
        let channel = try Self.channel(budget: budget)
        #expect(budget.reserve(60))
        #expect(!budget.reserve(60))
        try channel.writeOutbound(ByteBuffer(repeating: 0x61, count: 60))
        #expect(budget.pendingBytes == 0)
        #expect(budget.reserve(60))
        _ = try channel.finish()
    }

    @Test func budgetLetsOneLargeFrameThroughOnlyWhenNothingIsPending() {
        let budget = OutputBudget(limit: 100)
        #expect(budget.reserve(500))
        #expect(!budget.reserve(1))
        budget.release(500)
        #expect(budget.pendingBytes == 0)
        #expect(budget.reserve(40))
        #expect(budget.reserve(60))
        #expect(!budget.reserve(1))
        budget.release(1_000)
        #expect(budget.pendingBytes == 0)
    }
}
