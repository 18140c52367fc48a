import ChronoProtocol
import Foundation
import NIOCore
import NIOExtras
import NIOPosix

/// A bare TCP connection for protocol-abuse tests: sends arbitrary bytes and decodes the frames that come back.
enum RawConnection {
    /// What came back: the frames read and whether the server closed the connection afterwards.
    struct Outcome: Sendable {
        var frames: [Frame]
        var closed: Bool
    }

    /// Sends `bytes` to `port`, reads frames until `count` of them (terminal frames only, with `terminalOnly`),
    /// and with `checkClose` also waits for the server to close.
    static func exchange(
        port: Int,
        bytes: [UInt8],
        count: Int,
        terminalOnly: Bool = false,
        checkClose: Bool = false
    ) async throws -> Outcome {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: 64 * 1_048_576)
                    )
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            // Nothing to send: a listening-only client (the server may have answered and closed already).
            if !bytes.isEmpty { try await outbound.write(ByteBuffer(bytes: bytes)) }
            var frames: [Frame] = []
            var counted = 0
            var iterator = inbound.makeAsyncIterator()
            while counted < count, let line = try await iterator.next() {
                let frame = try Frame.decode(line: Data(line.readableBytesView))
                frames.append(frame)
                if case .terminal = frame { counted += 1 } else if !terminalOnly { counted += 1 }
            }
            var closed = false
            if checkClose {
                closed = (try? await iterator.next()) == nil
            }
            return Outcome(frames: frames, closed: closed)
        }
    }

    /// Sends the lines (each followed by `\n`) and reads `count` frames.
    static func exchange(port: Int, lines: [String], count: Int, terminalOnly: Bool = false) async throws -> Outcome {
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        return try await Self.exchange(port: port, bytes: bytes, count: count, terminalOnly: terminalOnly)
    }
}

extension RawConnection.Outcome {
    /// The terminal frames, keyed by id (`nil` for unreadable ids is skipped).
    var responses: [RequestID: Response] {
        var result: [RequestID: Response] = [:]
        for case .terminal(let response) in self.frames {
            if let id = response.id { result[id] = response }
        }
        return result
    }

    /// The terminal frames with a null id.
    var anonymous: [Response] {
        self.frames.compactMap { frame in
            guard case .terminal(let response) = frame, response.id == nil else { return nil }
            return response
        }
    }
}
