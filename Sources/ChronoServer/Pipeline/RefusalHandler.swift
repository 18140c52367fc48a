import NIOCore

/// Stands in for a session on a connection the server will not serve (too many connections, shutting down):
/// writes the one refusal frame as soon as the connection is active, then closes it.
final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let frame: ByteBuffer

    init(frame: ByteBuffer) {
        self.frame = frame
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.refuse(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.refuse(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    private func refuse(context: ChannelHandlerContext) {
        let channel = context.channel
        context.writeAndFlush(self.wrapOutboundOut(self.frame)).whenComplete { _ in channel.close(promise: nil) }
    }
}
