import ChronoProtocol
import Logging
import NIOCore

/// The end of a connection's pipeline: hands each request line to the connection's `Session` on the event
/// loop and writes the frames it answers at once, flushing them together when the read burst ends.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = [UInt8]

    private let session: Session
    private let logger: Logger
    private var flushPending = false

    init(session: Session, logger: Logger) {
        self.session = session
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = self.unwrapInboundIn(data)
        // The decoder's buffer cap only fires while a line is incomplete; a line that arrives whole in one
        // read can be longer, so its length is checked here too.
        guard line.readableBytes <= ProtocolLimits.maximumLineLength else {
            self.refuseLongLine(context: context)
            return
        }
        self.session.handle(line: line) { frame in
            guard self.session.reserve(frame) else { return }
            context.write(self.wrapOutboundOut(frame), promise: nil)
            self.flushPending = true
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if self.flushPending {
            self.flushPending = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            self.flushIfPending(context: context)
            self.session.inputClosed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.session.connectionLost()
        self.logger.debug("connection closed")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is ByteToMessageDecoderError.PayloadTooLargeError {
            self.refuseLongLine(context: context)
            return
        }
        self.logger.debug("connection failed", metadata: ["error": "\(error)"])
        self.session.connectionLost()
        context.close(promise: nil)
    }

    /// Answers a line over the limit and closes once the answer is out; the rest of the line is never read.
    private func refuseLongLine(context: ChannelHandlerContext) {
        let frame = self.session.lineTooLongFrame()
        self.session.connectionLost()
        if self.session.reserve(frame) {
            context.write(self.wrapOutboundOut(frame), promise: nil)
        }
        self.flushPending = false
        context.flush()
        context.channel.closeAfterFlush()
    }

    private func flushIfPending(context: ChannelHandlerContext) {
        guard self.flushPending else { return }
        self.flushPending = false
        context.flush()
    }
}

/// Lives on its channel's event loop only.
@available(*, unavailable)
extension SessionHandler: Sendable {}
