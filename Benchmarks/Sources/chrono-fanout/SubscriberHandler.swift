import NIOCore

/// One subscribers' connection: sends its `Watch/Subscribe` calls once connected, then hands every frame,
/// stamped with the uptime it was read at, to the coordinator.
///
/// Lives on the coordinator's event loop (the tool runs one loop), so it calls the coordinator directly.
final class SubscriberHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let coordinator: FanoutCoordinator
    private let connection: Int
    private let requests: [String]

    /// A handler for connection number `connection`, which sends `requests` (call ids 1, 2, ...).
    init(coordinator: FanoutCoordinator, connection: Int, requests: [String]) {
        self.coordinator = coordinator
        self.connection = connection
        self.requests = requests
    }

    func channelActive(context: ChannelHandlerContext) {
        for request in self.requests {
            var buffer = context.channel.allocator.buffer(capacity: request.utf8.count + 1)
            buffer.writeString(request)
            buffer.writeInteger(UInt8(ascii: "\n"))
            context.write(Self.wrapOutboundOut(buffer), promise: nil)
        }
        context.flush()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = NIODeadline.now().uptimeNanoseconds
        let line = Self.unwrapInboundIn(data)
        self.coordinator.frame(line, connection: self.connection, at: now)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.coordinator.connectionClosed(self.connection, reason: "connection closed by the server")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.coordinator.connectionClosed(self.connection, reason: "connection error: \(error)")
        context.close(promise: nil)
    }
}
