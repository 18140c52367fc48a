public import ChronoProtocol
public import ChronoTLS
import Foundation
import NIOCore
import NIOExtras
import NIOPosix

/// A bare TCP (or TLS) connection to a server on 127.0.0.1 for protocol-abuse tests: sends any bytes, and
/// reads the server's frames one at a time.
///
/// Use it only inside `RawConnection.with(port:tls:_:)`, which closes it.
public final class RawConnection {
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator

    /// Connects to `127.0.0.1:port` (speaking TLS when `tls` is given), runs `body` with the connection, then
    /// closes it.
    public static func with<T: Sendable>(
        port: Int,
        tls: TLSSettings? = nil,
        _ body: (RawConnection) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(try tls.makeClientHandler(host: "127.0.0.1"))
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: 64 * 1_048_576)
                    )
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawConnection(outbound: outbound, inbound: inbound.makeAsyncIterator()))
        }
    }

    private init(
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    ) {
        self.outbound = outbound
        self.inbound = inbound
    }

    /// Sends `bytes` followed by a newline.
    public func send(line bytes: [UInt8]) async throws {
        try await self.send(bytes: bytes + [UInt8(ascii: "\n")])
    }

    /// Sends `bytes` as they are, in one write.
    public func send(bytes: [UInt8]) async throws {
        try await self.outbound.write(ByteBuffer(bytes: bytes))
    }

    /// The next frame; `nil` when the server closed the connection first.
    public func nextFrame() async throws -> Frame? {
        guard let line = try await self.inbound.next() else { return nil }
        return try Frame.decode(line: Data(line.readableBytesView))
    }

    /// Reads frames until a terminal one, and returns it with the number of data frames skipped before it;
    /// `nil` when the server closed the connection first.
    public func nextTerminal() async throws -> (response: Response, dataFrames: Int)? {
        var dataFrames = 0
        while let frame = try await self.nextFrame() {
            switch frame {
            case .data: dataFrames += 1
            case .terminal(let response): return (response, dataFrames)
            }
        }
        return nil
    }

    /// Whether the server has closed the connection (reads to the end; frames after the last one read fail it).
    public func isClosedByServer() async -> Bool {
        do {
            return try await self.inbound.next() == nil
        } catch {
            return true
        }
    }

    /// Sends one well-formed request and returns its terminal frame.
    public func call(id: RequestID, method: MethodName) async throws -> Response? {
        let line = try WireCoding.encode(Request(id: id, method: method.rawValue))
        try await self.send(line: Array(line))
        return try await self.nextTerminal()?.response
    }
}

extension RawConnection {
    /// What came back from an exchange: the frames read and whether the server closed the connection afterwards.
    public struct Outcome: Sendable {
        public var frames: [Frame]
        public var closed: Bool

        /// The terminal frames, keyed by id (those with a `null` id are left out).
        public var responses: [RequestID: Response] {
            var result: [RequestID: Response] = [:]
            for case .terminal(let response) in self.frames {
                if let id = response.id { result[id] = response }
            }
            return result
        }

        /// The terminal frames with a `null` id.
        public var anonymous: [Response] {
            self.frames.compactMap { frame in
                guard case .terminal(let response) = frame, response.id == nil else { return nil }
                return response
            }
        }
    }

    /// Sends `bytes` to `port` on a fresh connection, reads frames until `count` of them (terminal frames only,
    /// with `terminalOnly`), and with `checkClose` also waits for the server to close.
    public static func exchange(
        port: Int,
        bytes: [UInt8],
        count: Int,
        terminalOnly: Bool = false,
        checkClose: Bool = false
    ) async throws -> Outcome {
        try await Self.with(port: port) { connection in
            // Nothing to send: a listening-only client (the server may have answered and closed already).
            if !bytes.isEmpty { try await connection.send(bytes: bytes) }
            var frames: [Frame] = []
            var counted = 0
            while counted < count, let frame = try await connection.nextFrame() {
                frames.append(frame)
                if case .terminal = frame { counted += 1 } else if !terminalOnly { counted += 1 }
            }
            let closed = checkClose ? await connection.isClosedByServer() : false
            return Outcome(frames: frames, closed: closed)
        }
    }

    /// Sends the lines (each followed by `\n`) and reads `count` frames.
    public static func exchange(
        port: Int,
        lines: [String],
        count: Int,
        terminalOnly: Bool = false
    ) async throws -> Outcome {
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        return try await Self.exchange(port: port, bytes: bytes, count: count, terminalOnly: terminalOnly)
    }
}
