import NIOCore

/// The writer's connection: one call at a time, answered by the next terminal frame.
///
/// Lives on its channel's event loop: `call` must be called there. The reply is the response line and
/// the uptime (ns) it was read at; a closed connection fails the pending call.
final class LineCallHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The connection went away or errored while a call was pending.
    struct ConnectionLost: Error, CustomStringConvertible {
        var description: String
    }

    private var context: ChannelHandlerContext?
    private var pending: EventLoopPromise<(ByteBuffer, UInt64)>?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Sends `line` (a request without its newline); returns the send time (uptime ns) and the reply.
    func call(_ line: String) -> (sentAt: UInt64, reply: EventLoopFuture<(ByteBuffer, UInt64)>) {
        guard let context = self.context else {
            preconditionFailure("LineCallHandler.call before the handler was added")
        }
        let promise = context.eventLoop.makePromise(of: (ByteBuffer, UInt64).self)
        self.pending?.fail(ConnectionLost(description: "a call was replaced before its answer"))
        self.pending = promise
        var buffer = context.channel.allocator.buffer(capacity: line.utf8.count + 1)
        buffer.writeString(line)
        buffer.writeInteger(UInt8(ascii: "\n"))
        let sentAt = NIODeadline.now().uptimeNanoseconds
        context.writeAndFlush(Self.wrapOutboundOut(buffer), promise: nil)
        return (sentAt, promise.futureResult)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = NIODeadline.now().uptimeNanoseconds
        let line = Self.unwrapInboundIn(data)
        guard FrameScan.kind(of: line) == .terminal, let pending = self.pending else { return }
        self.pending = nil
        pending.succeed((line, now))
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.pending?.fail(ConnectionLost(description: "the writer's connection was closed by the server"))
        self.pending = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.pending?.fail(ConnectionLost(description: "writer connection: \(error)"))
        self.pending = nil
        context.close(promise: nil)
    }
}
