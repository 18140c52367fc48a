public import NIOCore
import NIOExtras

extension ChannelPipeline.SynchronousOperations {
    /// Adds the framing of a chronod connection, at either end: incoming bytes are cut into lines (without
    /// their `\n` or `\r\n`) of at most `maximumLineLength` bytes, and each outgoing `[UInt8]` frame is
    /// written as one line.
    ///
    /// A longer incoming line ends in `ByteToMessageDecoderError.PayloadTooLargeError`.
    public func addLineFraming(maximumLineLength: Int) throws {
        try self.addHandler(ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: maximumLineLength))
        try self.addHandler(MessageToByteHandler(NewlineFrameEncoder()))
    }
}
