import NIOCore
import NIOTLS

/// Reports a new connection's TLS handshake: `handshake` succeeds when the TLS handler announces it
/// completed, and fails with the first error (an untrusted certificate, a refused client certificate) or the
/// connection's end before it. Placed right after the TLS handler; passes everything on.
final class TLSHandshakeHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// Completed exactly once, on the first of: handshake done, error, connection closed.
    let handshake: EventLoopFuture<Void>
    private let promise: EventLoopPromise<Void>
    private var settled = false

    init(eventLoop: any EventLoop) {
        self.promise = eventLoop.makePromise()
        self.handshake = self.promise.futureResult
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            self.settle(.success(()))
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.settle(.failure(error))
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.settle(.failure(ChannelError.eof))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.settle(.failure(ChannelError.ioOnClosedChannel))
    }

    private func settle(_ result: Result<Void, any Error>) {
        guard !self.settled else { return }
        self.settled = true
        self.promise.completeWith(result)
    }
}
