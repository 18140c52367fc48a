import ChronoFraming
import NIOCore
import NIOEmbedded
import Testing

@testable import ChronoServer

/// The server's one-pass line cutter reads the same lines as the line decoder the client uses.
@Suite struct RequestLinesTests {
    private func lines(_ reads: [String], maximum: Int = 64) throws(RequestLines.LineTooLong) -> [String] {
        var cutter = RequestLines(maximumLineLength: maximum)
        var found: [String] = []
        for read in reads {
            try cutter.read(ByteBuffer(string: read), allocator: ByteBufferAllocator()) { line in
                found.append(String(decoding: line, as: UTF8.self))
            }
        }
        return found
    }

    @Test func linesOfOneReadComeOutInOrderWithoutTheirEnds() throws {
        #expect(
            try self.lines(["{\"a\":1}\r\n{\"b\":2}\n\n{\"c\"", ":3}\n"]) == [
                "{\"a\":1}", "{\"b\":2}", "", "{\"c\":3}",
            ]
        )
        #expect(try self.lines(["x\r", "\ny"]) == ["x"])
    }

    @Test func aLineSplitOverReadsComesOutOnceWhole() throws {
        var cutter = RequestLines(maximumLineLength: 64)
        var found: [String] = []
        var first = ByteBuffer(string: "{\"id\":")
        try cutter.read(first, allocator: ByteBufferAllocator()) { found.append(String(decoding: $0, as: UTF8.self)) }
        #expect(cutter.hasUnfinishedLine)
        // The held start is a copy: the read buffer may be reused.
        first.setString("XXXXXX", at: first.readerIndex)
        for part in ["1,\"me", "thod\":\"m\"}", "\n"] {
            try cutter.read(ByteBuffer(string: part), allocator: ByteBufferAllocator()) {
                found.append(String(decoding: $0, as: UTF8.self))
            }
        }
        #expect(found == ["{\"id\":1,\"method\":\"m\"}"])
        #expect(!cutter.hasUnfinishedLine)
    }

    @Test func aLineLongerThanTheLimitIsRefusedFinishedOrNot() throws {
        let limit = 8
        #expect(try self.lines([String(repeating: "x", count: limit) + "\n"], maximum: limit).count == 1)
        #expect(throws: RequestLines.LineTooLong.self) {
            try self.lines(["ok\n" + String(repeating: "x", count: limit + 1) + "\n"], maximum: limit)
        }
        #expect(throws: RequestLines.LineTooLong.self) {
            try self.lines([String(repeating: "x", count: 5), String(repeating: "x", count: 5)], maximum: limit)
        }
    }

    @Test func cutsTheSameLinesAsTheClientsDecoderHoweverTheBytesArrive() throws {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ab{}\":,\r\n".utf8)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...80, using: &random)).map { _ in alphabet.randomElement(using: &random)!
            }
            var reads: [String] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...12, using: &random))
                reads.append(String(decoding: bytes[start..<end], as: UTF8.self))
                start = end
            }
            let channel = EmbeddedChannel()
            try channel.pipeline.syncOperations.addLineFraming(maximumLineLength: 1_024)
            for read in reads { try channel.writeInbound(ByteBuffer(string: read)) }
            var expected: [String] = []
            while let line = try channel.readInbound(as: ByteBuffer.self) { expected.append(String(buffer: line)) }
            _ = try? channel.finish()
            #expect(try self.lines(reads, maximum: 1_024) == expected, "\(reads)")
        }
    }
}
