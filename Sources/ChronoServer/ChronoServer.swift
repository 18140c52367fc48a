import ChronoProtocol
import Foundation
public import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
public import NIOPosix

/// The `chronod` network server: newline-delimited JSON over TCP, as specified in `Protocol/PROTOCOL.md`.
///
/// Lifecycle: `bind` (the socket is listening when it returns), `run` (serves until closed), `close`
/// (stop accepting, let calls in flight finish for the grace period, then end them with `UNAVAILABLE`).
public final class ChronoServer: Sendable {
    /// Largest accepted request line in bytes (the protocol's 1 MiB), not counting the newline.
    public static let maximumFrameLength = ProtocolLimits.maximumLineLength

    private let listener: NIOAsyncChannel<AcceptedConnection, Never>
    private let dispatcher: Dispatcher
    private let configuration: Configuration
    private let logger: Logger
    private let registry: SessionRegistry
    private let shutdownTimer = NIOLockedValueBox<Task<Void, Never>?>(nil)

    /// An accepted connection: its channel and the budget of bytes it may owe its client.
    private typealias AcceptedConnection = (
        channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, budget: OutputBudget, calls: CallsInFlight
    )

    /// The port actually bound (useful when binding to port 0).
    public let port: Int
    /// The address actually bound, as `host:port`.
    public let address: String

    private init(
        listener: NIOAsyncChannel<AcceptedConnection, Never>,
        dispatcher: Dispatcher,
        configuration: Configuration,
        logger: Logger
    ) {
        self.listener = listener
        self.dispatcher = dispatcher
        self.configuration = configuration
        self.logger = logger
        self.registry = SessionRegistry(limit: configuration.maximumConnections)
        let local = listener.channel.localAddress
        self.port = local?.port ?? 0
        self.address = "\(local?.ipAddress ?? "?"):\(self.port)"
    }

    /// Binds a listening socket on `host:port` (port 0 picks a free one) serving `dispatcher`'s methods.
    public static func bind(
        host: String,
        port: Int,
        dispatcher: Dispatcher,
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "chronod"),
        eventLoopGroup: MultiThreadedEventLoopGroup = .singleton
    ) async throws -> ChronoServer {
        let listener = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    let budget = OutputBudget(limit: configuration.maximumPendingOutputBytes)
                    let calls = CallsInFlight()
                    try sync.addHandler(
                        ConnectionGuardHandler(
                            idleTimeout: configuration.idleTimeout,
                            partialLineTimeout: configuration.partialLineTimeout,
                            budget: budget,
                            calls: calls,
                            logger: logger
                        )
                    )
                    try sync.addHandler(
                        ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: Self.maximumFrameLength)
                    )
                    try sync.addHandler(MessageToByteHandler(NewlineFrameEncoder()))
                    let wrapped = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    return (channel: wrapped, budget: budget, calls: calls)
                }
            }
        return ChronoServer(listener: listener, dispatcher: dispatcher, configuration: configuration, logger: logger)
    }

    /// Accepts and serves connections until `close()`; returns once every connection has ended.
    public func run() async throws {
        defer { self.shutdownTimer.withLockedValue { $0?.cancel() } }
        // One child task per connection, so one client cannot hold up another; the discarding group
        // frees each task's resources as soon as its connection ends.
        try await withThrowingDiscardingTaskGroup { group in
            try await self.listener.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await self.serve(connection) }
                }
            }
        }
    }

    /// Starts a graceful shutdown: stop accepting, drain every connection, and after the grace period end
    /// the calls still in flight with `UNAVAILABLE`. `run()` returns when every connection has ended.
    public func close() async {
        let sessions = self.registry.beginDraining()
        self.logger.info("shutting down", metadata: ["connections": "\(sessions.count)"])
        try? await self.listener.channel.close()
        for session in sessions { session.drain() }
        let grace = self.configuration.shutdownGracePeriod
        let registry = self.registry
        let timer = Task {
            guard (try? await Task.sleep(for: grace)) != nil else { return }
            for session in registry.sessions { session.stopRemainingCalls() }
        }
        self.shutdownTimer.withLockedValue { $0 = timer }
    }

    private func serve(_ accepted: AcceptedConnection) async {
        let connection = accepted.channel
        var logger = self.logger
        logger[metadataKey: "peer"] = "\(connection.channel.remoteAddress?.description ?? "?")"
        do {
            try await connection.executeThenClose { inbound, outbound in
                let session = Session(
                    channel: connection.channel,
                    outbound: outbound,
                    budget: accepted.budget,
                    calls: accepted.calls,
                    dispatcher: self.dispatcher,
                    configuration: self.configuration,
                    logger: logger
                )
                let refusal: ChronoError? =
                    switch self.registry.admit(session) {
                    case .admitted: nil
                    case .tooManyConnections:
                        .resourceExhausted("too many connections (limit \(self.configuration.maximumConnections))")
                    case .shuttingDown: .unavailable("server is shutting down")
                    }
                if let refusal {
                    let response = Response(id: nil, error: refusal, revision: await self.dispatcher.currentRevision())
                    try await outbound.write(ByteBuffer(bytes: try Frame.terminal(response).encoded()))
                    return
                }
                defer { self.registry.remove(session) }
                logger.debug("connection opened")
                await session.run(inbound: inbound)
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(error)"])
        }
    }
}
