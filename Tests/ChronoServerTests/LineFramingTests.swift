import ChronoFraming
import NIOCore
import NIOEmbedded
import Testing

/// The framing both ends of a connection add: one frame per line out, one line per read in.
@Suite struct LineFramingTests {
    @Test func eachFrameGoesOutAsOneLine() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addLineFraming(maximumLineLength: 64)
        try channel.writeOutbound(Array(#"{"id":1}"#.utf8))
        try channel.writeOutbound(Array(#"{"id":2}"#.utf8))
        let first = try #require(try channel.readOutbound(as: ByteBuffer.self))
        let second = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(String(buffer: first) == "{\"id\":1}\n")
        #expect(String(buffer: second) == "{\"id\":2}\n")
        #expect(NewlineFrameEncoder.lineLength(of: Array(#"{"id":1}"#.utf8)) == first.readableBytes)
        #expect(try channel.finish().isClean)
    }

    @Test func linesComeInWithoutTheirNewlineAndALongOneIsRefused() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addLineFraming(maximumLineLength: 16)
        try channel.writeInbound(ByteBuffer(string: "{\"a\":1}\r\n{\"b\":2}\n{\"c\""))
        #expect(try channel.readInbound(as: ByteBuffer.self).map { String(buffer: $0) } == #"{"a":1}"#)
        #expect(try channel.readInbound(as: ByteBuffer.self).map { String(buffer: $0) } == #"{"b":2}"#)
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil)
        #expect(throws: ByteToMessageDecoderError.PayloadTooLargeError.self) {
            try channel.writeInbound(ByteBuffer(string: String(repeating: "x", count: 32)))
        }
        _ = try? channel.finish()
    }
}
