import ChronoProtocol
import ChronoTLS
import Foundation
import NIOCore
import NIOExtras
import NIOPosix

/// A raw TCP (or TLS) connection that sends arbitrary bytes and reads the server's frames one by one.
///
/// Use it only inside `CorpusConnection.with(port:_:)`, which closes it.
final class CorpusConnection {
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator

    /// Connects to `127.0.0.1:port` (speaking TLS when `tls` is given), runs `body` with the connection, then
    /// closes it.
    static func with<T: Sendable>(
        port: Int,
        tls: TLSSettings? = nil,
        _ body: (CorpusConnection) async throws -> T
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
            try await body(CorpusConnection(outbound: outbound, inbound: inbound.makeAsyncIterator()))
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
    func send(line bytes: [UInt8]) async throws {
        try await self.send(bytes: bytes + [UInt8(ascii: "\n")])
    }

    /// Sends `bytes` as they are, in one write.
    func send(bytes: [UInt8]) async throws {
        try await self.outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Reads frames until a terminal one, and returns it with the number of data frames skipped before it;
    /// `nil` when the server closed the connection first.
    func nextTerminal() async throws -> (response: Response, dataFrames: Int)? {
        var dataFrames = 0
        while let line = try await self.inbound.next() {
            switch try Frame.decode(line: Data(line.readableBytesView)) {
            case .data: dataFrames += 1
            case .terminal(let response): return (response, dataFrames)
            }
        }
        return nil
    }

    /// Whether the server has closed the connection (reads to the end; frames after the last one read fail it).
    func isClosedByServer() async -> Bool {
        do {
            return try await self.inbound.next() == nil
        } catch {
            return true
        }
    }

    /// Sends one well-formed request and returns its terminal frame.
    func call(id: RequestID, method: MethodName) async throws -> Response? {
        let line = try WireCoding.encode(Request(id: id, method: method.rawValue))
        try await self.send(line: Array(line))
        return try await self.nextTerminal()?.response
    }
}
