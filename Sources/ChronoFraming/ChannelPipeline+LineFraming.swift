public import NIOCore
import NIOExtras

extension ChannelPipeline.SynchronousOperations {
    /// Adds the framing of a chronod connection, at either end: incoming bytes are cut into lines (without
    /// their `\n` or `\r\n`) of at most `maximumLineLength` bytes, and each outgoing `[UInt8]` frame is
    /// written as one line.
    ///
    /// A longer incoming line ends in `ByteToMessageDecoderError.PayloadTooLargeError`.
    public func addLineFraming(maximumLineLength: Int) throws {
        try self.addLineDecoding(maximumLineLength: maximumLineLength)
        try self.addHandler(MessageToByteHandler(NewlineFrameEncoder()))
    }

    /// Adds only the incoming half of `addLineFraming(maximumLineLength:)`, for an end that writes its frames as
    /// lines itself (`ByteBuffer.writeFrameLine(_:)`), several in one buffer.
    public func addLineDecoding(maximumLineLength: Int) throws {
        try self.addHandler(ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: maximumLineLength))
    }
}
