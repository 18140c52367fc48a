import NIOCore
import NIOEmbedded
import Testing

@testable import ChronoServer

@Suite struct NewlineFrameEncoderTests {
    @Test func appendsOneNewlinePerFrame() throws {
        let channel = EmbeddedChannel(handler: MessageToByteHandler(NewlineFrameEncoder()))
        try channel.writeOutbound(ByteBuffer(string: #"{"id":1}"#))
        try channel.writeOutbound(ByteBuffer(string: #"{"id":2}"#))
        let first = try #require(try channel.readOutbound(as: ByteBuffer.self))
        let second = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(String(buffer: first) == "{\"id\":1}\n")
        #expect(String(buffer: second) == "{\"id\":2}\n")
        #expect(try channel.finish().isClean)
    }
}
