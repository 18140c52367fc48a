import ChronoProtocol
import Foundation
import NIOCore
import NIOPosix
import Testing

/// A bare TCP client for abuse tests: sends bytes as it likes, reads only when asked.
struct RawClient {
    /// How a wait for the server to close the connection ended.
    enum Ending: Sendable, Equatable {
        /// The server closed (end of stream or reset), after `bytes` bytes were read.
        case closed(bytes: Int)
        /// The connection was still open when the wait gave up.
        case stillOpen
    }

    let inbound: NIOAsyncChannelInboundStream<ByteBuffer>
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    /// Connects to 127.0.0.1:`port`, runs `body` with the connection, then closes it.
    ///
    /// `receiveBuffer` shrinks the socket's receive buffer (a client slow to read).
    static func with<T: Sendable>(
        port: Int,
        receiveBuffer: Int? = nil,
        _ body: (RawClient) async throws -> T
    ) async throws -> T {
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        if let receiveBuffer {
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer))
        }
        let channel = try await bootstrap.connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawClient(inbound: inbound, outbound: outbound))
        }
    }

    /// Sends `text` as it is (no newline added).
    func send(_ text: String) async throws {
        try await self.outbound.write(ByteBuffer(string: text))
    }

    /// Reads until the server closes the connection, giving up after `limit`.
    func waitForClose(within limit: Duration) async -> Ending {
        let inbound = self.inbound
        return await withTaskGroup(of: Ending.self) { group in
            group.addTask {
                var bytes = 0
                do {
                    for try await buffer in inbound { bytes += buffer.readableBytes }
                } catch {
                    return .closed(bytes: bytes)
                }
                return .closed(bytes: bytes)
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return .stillOpen
            }
            let first = await group.next() ?? .stillOpen
            group.cancelAll()
            return first
        }
    }

    /// Reads frames until `count` terminal frames have come, and returns their statuses in order.
    func statuses(count: Int) async throws -> [StatusCode] {
        var statuses: [StatusCode] = []
        var pending: [UInt8] = []
        var iterator = self.inbound.makeAsyncIterator()
        while statuses.count < count, let buffer = try await iterator.next() {
            // Only the new bytes are searched for newlines: answers of megabytes arrive in small pieces.
            var searchFrom = pending.count
            pending += buffer.readableBytesView
            var lineStart = 0
            while let newline = pending[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                // The protocol's own byte-level parser: Foundation's decoder takes seconds per megabyte here.
                let frame = try pending[lineStart..<newline].withUnsafeBytes { line in
                    try JSONParser.parse(line, maximumDepth: 512)
                }
                if frame["seq"] == nil, case .string(let status)? = frame["status"] {
                    statuses.append(try #require(StatusCode(rawValue: status)))
                }
                lineStart = newline + 1
                searchFrom = lineStart
            }
            pending.removeFirst(lineStart)
        }
        return statuses
    }

    /// One request line.
    static func line(id: Int, method: MethodName, params: String = "{}") -> String {
        "{\"id\":\(id),\"method\":\"\(method.rawValue)\",\"params\":\(params)}\n"
    }
}
