import ChronoFraming
import NIOCore

/// Stands in for a session on a connection the server will not serve (too many connections, shutting down):
/// writes the one refusal frame when the client's first bytes arrive (or after a short wait for a client
/// that only listens) and shuts its output, then closes the connection when the client closes its end or
/// after a short grace, whichever comes first.
///
/// Answering the first request, and closing only the output at first, lets a client read the refusal
/// instead of failing to write its request on a connection already gone.
final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private static let wait = TimeAmount.milliseconds(100)
    private static let grace = TimeAmount.seconds(2)
    private let frame: [UInt8]
    private var refused = false

    init(frame: [UInt8]) {
        self.frame = frame
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.scheduleRefusal(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.scheduleRefusal(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.refuse(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
        }
    }

    private func scheduleRefusal(context: ChannelHandlerContext) {
        context.eventLoop.assumeIsolated().scheduleTask(in: Self.wait) { self.refuse(context: context) }
    }

    private func refuse(context: ChannelHandlerContext) {
        guard !self.refused else { return }
        self.refused = true
        let channel = context.channel
        var line = channel.allocator.buffer(capacity: NewlineFrameEncoder.lineLength(of: self.frame))
        line.writeFrameLine(self.frame)
        context.writeAndFlush(self.wrapOutboundOut(line)).whenComplete { _ in
            channel.closeAfterFlush(grace: Self.grace)
        }
    }
}

/// Lives on its channel's event loop only.
@available(*, unavailable)
extension RefusalHandler: Sendable {}
