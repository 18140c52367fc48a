import ChronoProtocol
import Foundation
import NIOCore

/// Decodes each line from the server into a `Frame` and hands it to the `CallRouter`.
final class ClientFrameHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let router: CallRouter

    init(router: CallRouter) {
        self.router = router
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Data(self.unwrapInboundIn(data).readableBytesView)
        guard let frame = try? Frame.decode(line: bytes) else {
            self.router.closeAll(reason: "server sent a line that is not a frame")
            context.close(promise: nil)
            return
        }
        self.router.deliver(frame)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.router.closeAll(reason: "connection closed")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.router.closeAll(reason: "connection failed: \(error)")
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension ClientFrameHandler: Sendable {}
