import ChronoFraming
public import ChronoProtocol
public import ChronoTLS
import Foundation
import NIOCore
public import NIOPosix
import NIOSSL

/// A connection to `chronod`: unary calls and server streams multiplexed over one TCP or TLS connection.
///
/// Safe to share between tasks: calls may run concurrently and their answers are routed by id.
/// Ids are chosen by the client (`1`, `2`, …). Cancelling the task of a `call`, or dropping a
/// `stream` before it ends, sends `chrono.v1.Call/Cancel` for it. See `Protocol/PROTOCOL.md`.
public final class ChronoClient: Sendable {
    /// Largest frame the client accepts from the server, in bytes.
    public static let maximumFrameLength = 64 * 1_048_576

    private let channel: any Channel
    private let router: CallRouter

    private init(channel: any Channel, router: CallRouter) {
        self.channel = channel
        self.router = router
    }

    /// Opens a connection to the daemon at `host:port`, speaking TLS when `tls` is given.
    ///
    /// The TLS handshake completes before this returns, so a server whose certificate is not trusted fails here.
    /// - Throws: `ChronoError` with status `UNAVAILABLE` when the connection or the handshake fails.
    public static func connect(
        host: String,
        port: Int,
        tls: TLSSettings? = nil,
        eventLoopGroup: MultiThreadedEventLoopGroup = .singleton
    ) async throws -> ChronoClient {
        let router = CallRouter()
        do {
            let (channel, handshake) = try await ClientBootstrap(group: eventLoopGroup)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let sync = channel.pipeline.syncOperations
                        var handshake: EventLoopFuture<Void>?
                        if let tls {
                            let reporter = TLSHandshakeHandler(eventLoop: channel.eventLoop)
                            try sync.addHandler(try tls.makeClientHandler(host: host))
                            try sync.addHandler(reporter)
                            handshake = reporter.handshake
                        }
                        try sync.addLineFraming(maximumLineLength: Self.maximumFrameLength)
                        try sync.addHandler(ClientFrameHandler(router: router))
                        return (channel, handshake)
                    }
                }
            do {
                try await handshake?.get()
            } catch {
                try? await channel.close()
                throw error
            }
            return ChronoClient(channel: channel, router: router)
        } catch {
            throw ChronoError.unavailable("cannot connect to \(host):\(port): \(error)")
        }
    }

    /// Calls a unary method and returns its terminal frame, whatever its status.
    ///
    /// - Parameters:
    ///   - deadline: sent as `deadline_ms`; the server ends the call with `DEADLINE_EXCEEDED` when it passes.
    /// - Throws: `ChronoError` with status `UNAVAILABLE` when the connection fails before the answer;
    ///   `CancellationError` when the task is already cancelled (nothing is sent).
    public func call(
        method: String,
        params: [String: JSONValue] = [:],
        deadline: Duration? = nil,
        metadata: [String: String] = [:]
    ) async throws -> Response {
        try Task.checkCancellation()
        let id = self.router.nextID()
        let request = Request(
            id: id,
            method: method,
            params: params,
            deadlineMilliseconds: deadline.map(Self.milliseconds),
            metadata: metadata
        )
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                self.router.register(id, .unary(continuation))
                self.send(request)
            }
        } onCancel: {
            self.sendCancel(for: id)
        }
    }

    /// Calls a unary method given by name.
    public func call(
        _ method: MethodName,
        params: [String: JSONValue] = [:],
        deadline: Duration? = nil,
        metadata: [String: String] = [:]
    ) async throws -> Response {
        try await self.call(method: method.rawValue, params: params, deadline: deadline, metadata: metadata)
    }

    /// Calls a server-streaming method: the sequence yields its data frames in order, then its terminal
    /// frame as the last element.
    ///
    /// Ending the iteration early cancels the call on the server.
    /// The sequence throws `ChronoError` (`UNAVAILABLE`) when the connection fails before the terminal frame.
    public func stream(
        method: String,
        params: [String: JSONValue] = [:],
        deadline: Duration? = nil,
        metadata: [String: String] = [:]
    ) -> AsyncThrowingStream<Frame, any Error> {
        let id = self.router.nextID()
        let request = Request(
            id: id,
            method: method,
            params: params,
            deadlineMilliseconds: deadline.map(Self.milliseconds),
            metadata: metadata
        )
        let (frames, continuation) = AsyncThrowingStream<Frame, any Error>.makeStream()
        continuation.onTermination = { termination in
            if case .cancelled = termination, self.router.remove(id) {
                self.sendCancel(for: id)
            }
        }
        self.router.register(id, .stream(continuation))
        self.send(request)
        return frames
    }

    /// Calls a server-streaming method given by name.
    public func stream(
        _ method: MethodName,
        params: [String: JSONValue] = [:],
        deadline: Duration? = nil,
        metadata: [String: String] = [:]
    ) -> AsyncThrowingStream<Frame, any Error> {
        self.stream(method: method.rawValue, params: params, deadline: deadline, metadata: metadata)
    }

    /// Closes the connection; calls still waiting fail with `UNAVAILABLE`.
    public func close() async throws {
        do {
            try await self.channel.close()
        } catch ChannelError.alreadyClosed {
            return
        }
    }

    private func send(_ request: Request) {
        let line: [UInt8]
        do {
            line = Array(try WireCoding.encode(request))
        } catch {
            self.router.fail(request.id, ChronoError.invalidArgument("request cannot be encoded: \(error)"))
            return
        }
        self.channel.writeAndFlush(line).whenFailure { error in
            self.router.fail(request.id, ChronoError.unavailable("cannot send request: \(error)"))
        }
    }

    private func sendCancel(for target: RequestID) {
        let id = self.router.nextID()
        self.router.register(id, .discard)
        self.send(Request(id: id, method: MethodName.callCancel.rawValue, params: ["id": target.json]))
    }

    /// A deadline as `deadline_ms`: at least 1, since 0 would be a deadline already passed.
    private static func milliseconds(_ duration: Duration) -> Int64 {
        max(1, duration.wholeMilliseconds)
    }
}
