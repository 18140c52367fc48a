import ChronoFraming
import ChronoProtocol
import ChronoTLS
import Foundation
public import Logging
import NIOConcurrencyHelpers
import NIOCore
public import NIOPosix
import NIOSSL

/// The `chronod` network server: newline-delimited JSON over TCP or TLS, as specified in `Protocol/PROTOCOL.md`.
///
/// Lifecycle: `bind` (the socket is listening when it returns), `run` (serves until closed), `close`
/// (stop accepting, let calls in flight finish for the grace period, then end them with `UNAVAILABLE`).
public final class ChronoServer: Sendable {
    /// Largest accepted request line in bytes (the protocol's 1 MiB), not counting the newline.
    public static let maximumFrameLength = ProtocolLimits.maximumLineLength

    private let listener: NIOAsyncChannel<any Channel, Never>
    private let configuration: Configuration
    private let logger: Logger
    private let registry: SessionRegistry
    private let shutdownTimer = NIOLockedValueBox<Task<Void, Never>?>(nil)

    /// The port actually bound (useful when binding to port 0).
    public let port: Int
    /// The address actually bound, as `host:port`.
    public let address: String

    private init(
        listener: NIOAsyncChannel<any Channel, Never>,
        configuration: Configuration,
        logger: Logger,
        registry: SessionRegistry
    ) {
        self.listener = listener
        self.configuration = configuration
        self.logger = logger
        self.registry = registry
        let local = listener.channel.localAddress
        self.port = local?.port ?? 0
        self.address = "\(local?.ipAddress ?? "?"):\(self.port)"
    }

    /// How many event loops serve connections when `bind` is given no group of its own (NIO's shared group): a
    /// store that answers small reads at once needs a quick reader for each (`GraphStore.open(quickReaders:)`).
    public static var defaultEventLoopCount: Int { NIOSingletons.groupLoopCountSuggestion }

    /// Binds a listening socket on `host:port` (port 0 picks a free one) serving `dispatcher`'s methods.
    ///
    /// Each accepted connection is served on its event loop as soon as it is accepted: request lines are
    /// parsed there and quick methods answered there; other calls run in tasks of their own.
    public static func bind(
        host: String,
        port: Int,
        dispatcher: Dispatcher,
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "chronod"),
        eventLoopGroup: MultiThreadedEventLoopGroup = .singleton
    ) async throws -> ChronoServer {
        let registry = SessionRegistry(limit: configuration.maximumConnections, metrics: dispatcher.metrics)
        let listener = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Self.initialize(
                        channel,
                        dispatcher: dispatcher,
                        configuration: configuration,
                        logger: logger,
                        registry: registry
                    )
                    return channel
                }
            }
        return ChronoServer(listener: listener, configuration: configuration, logger: logger, registry: registry)
    }

    /// Builds an accepted connection's pipeline: TLS when configured, the guard, line framing, and its session
    /// — or a refusal when the server is full or shutting down.
    static func initialize(
        _ channel: any Channel,
        dispatcher: Dispatcher,
        configuration: Configuration,
        logger: Logger,
        registry: SessionRegistry
    ) throws {
        var logger = logger
        logger[metadataKey: "peer"] = "\(channel.remoteAddress?.description ?? "?")"
        let sync = channel.pipeline.syncOperations
        let budget = OutputBudget(limit: configuration.maximumPendingOutputBytes)
        let calls = CallsInFlight()
        if let tls = configuration.tls {
            try sync.addHandler(tls.makeServerHandler())
        }
        try sync.addHandler(
            ConnectionGuardHandler(
                idleTimeout: configuration.idleTimeout,
                partialLineTimeout: configuration.partialLineTimeout,
                budget: budget,
                calls: calls,
                logger: logger
            )
        )
        let session = Session(
            channel: channel,
            budget: budget,
            calls: calls,
            dispatcher: dispatcher,
            configuration: configuration,
            logger: logger
        )
        let refusal: ChronoError? =
            switch registry.admit(session) {
            case .admitted: nil
            case .tooManyConnections:
                .resourceExhausted("too many connections (limit \(configuration.maximumConnections))")
            case .shuttingDown: .unavailable("server is shutting down")
            }
        guard let refusal else {
            logger.debug("connection opened")
            channel.closeFuture.whenComplete { _ in registry.remove(session) }
            try sync.addHandler(SessionHandler(session: session, logger: logger))
            return
        }
        try sync.addHandler(RefusalHandler(frame: dispatcher.failureFrame(id: nil, error: refusal).bytes))
    }

    /// The number of connections being served now.
    public var connectionCount: Int {
        self.registry.sessions.count
    }

    /// Accepts connections until `close()`; returns once every connection has ended.
    public func run() async throws {
        defer { self.shutdownTimer.withLockedValue { $0?.cancel() } }
        // Connections are served by their pipelines; a child task per connection only waits for it to
        // close, so `run()` returns after the last one.
        try await withThrowingDiscardingTaskGroup { group in
            try await self.listener.executeThenClose { inbound in
                for try await channel in inbound {
                    group.addTask { try? await channel.closeFuture.get() }
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
}
