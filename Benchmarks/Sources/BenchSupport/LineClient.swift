public import ChronoTLS
public import NIOCore
import NIOExtras
import NIOPosix

/// What one newline-framed connection does with its lines: the part that differs between the tools.
///
/// The session lives on its connection's event loop; every method is called there, by its `LineHandler`.
public protocol LineSession: AnyObject {
    /// The connection is up; the session may write its first lines.
    func connected(_ handler: LineHandler<Self>)
    /// One line (without its ending) was read at uptime `time` (ns).
    func received(_ line: ByteBuffer, at time: UInt64, on handler: LineHandler<Self>)
    /// The connection ended: closed by the server (`error` is `nil`) or failed with `error`.
    func ended(by error: (any Error)?)
}

extension LineSession {
    /// Writes nothing.
    public func connected(_ handler: LineHandler<Self>) {}
}

/// The channel handler every tool's client uses: it stamps each line with the time it was read, hands it to
/// its session, and flushes the session's writes once per read burst (in `channelReadComplete`).
///
/// Sits after a `LineBasedFrameDecoder` (see `LineClient.connect`), on its channel's event loop.
public final class LineHandler<Session: LineSession>: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// What the connection does.
    public let session: Session
    private var context: ChannelHandlerContext?
    private var needsFlush = false

    /// A handler that hands the lines it reads to `session`.
    public init(session: Session) {
        self.session = session
    }

    /// Whether the handler is in a pipeline (so `write` can send).
    public var isAdded: Bool { self.context != nil }

    /// Writes one line that `body` puts into a new buffer of `capacity` bytes (its ending included). The
    /// line is flushed at the end of the current read burst, or by `flush()`. Returns `false`, writing
    /// nothing, when the handler is not in a pipeline.
    @discardableResult
    public func write(capacity: Int, _ body: (inout ByteBuffer) -> Void) -> Bool {
        guard let context = self.context else { return false }
        var buffer = context.channel.allocator.buffer(capacity: capacity)
        body(&buffer)
        context.write(Self.wrapOutboundOut(buffer), promise: nil)
        self.needsFlush = true
        return true
    }

    /// Writes `line` and a newline (`\n`).
    @discardableResult
    public func write(line: String) -> Bool {
        self.write(capacity: line.utf8.count + 1) { buffer in
            buffer.writeString(line)
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
    }

    /// Sends what was written so far.
    public func flush() {
        guard self.needsFlush, let context = self.context else { return }
        self.needsFlush = false
        context.flush()
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    public func channelActive(context: ChannelHandlerContext) {
        self.session.connected(self)
        self.flush()
        context.fireChannelActive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = NIODeadline.now().uptimeNanoseconds
        self.session.received(Self.unwrapInboundIn(data), at: now, on: self)
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        self.flush()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        self.session.ended(by: nil)
        context.fireChannelInactive()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.session.ended(by: error)
        context.close(promise: nil)
    }
}

/// Opens the tools' client connections: TCP_NODELAY, a 5 s connect timeout, TLS when asked for, newline framing
/// with a cap on the line length, and one `LineHandler` over a session made on the connection's event loop.
public enum LineClient {
    /// Longest accepted line (a subscription's initial frame or a large answer); a longer one is an error.
    public static let maximumLineLength = 16 << 20

    /// Connects to `host:port` on `loop`, speaking TLS when `tls` is given; returns the channel and its handler
    /// (to be used on `loop`). Lines written before the TLS handshake completes wait for it.
    public static func connect<Session: LineSession>(
        host: String,
        port: Int,
        loop: any EventLoop,
        tls: TLSSettings? = nil,
        session makeSession: @escaping @Sendable () -> Session
    ) async throws -> (any Channel, NIOLoopBound<LineHandler<Session>>) {
        let installed = loop.makePromise(of: NIOLoopBound<LineHandler<Session>>.self)
        do {
            let channel = try await ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(5))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let handler = LineHandler(session: makeSession())
                        let sync = channel.pipeline.syncOperations
                        if let tls {
                            try sync.addHandler(try tls.makeClientHandler(host: host))
                        }
                        try sync.addHandler(
                            ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: Self.maximumLineLength)
                        )
                        try sync.addHandler(handler)
                        installed.succeed(NIOLoopBound(handler, eventLoop: channel.eventLoop))
                    }
                }
                .connect(host: host, port: port)
                .get()
            return (channel, try await installed.futureResult.get())
        } catch {
            installed.fail(error)
            throw error
        }
    }
}
