import BenchSupport
import NIOCore

/// One subscribers' connection: sends its `Watch/Subscribe` calls once connected, then hands every frame,
/// stamped with the uptime it was read at, to the coordinator.
///
/// Lives on the coordinator's event loop (the tool runs one loop), so it calls the coordinator directly.
final class SubscriberSession: LineSession {
    private let coordinator: FanoutCoordinator
    private let connection: Int
    private let requests: [String]

    /// A session for connection number `connection`, which sends `requests` (call ids 1, 2, ...).
    init(coordinator: FanoutCoordinator, connection: Int, requests: [String]) {
        self.coordinator = coordinator
        self.connection = connection
        self.requests = requests
    }

    func connected(_ handler: LineHandler<SubscriberSession>) {
        for request in self.requests {
            handler.write(line: request)
        }
    }

    func received(_ line: ByteBuffer, at time: UInt64, on handler: LineHandler<SubscriberSession>) {
        self.coordinator.frame(line, connection: self.connection, at: time)
    }

    func ended(by error: (any Error)?) {
        let reason = error.map { "connection error: \($0)" } ?? "connection closed by the server"
        self.coordinator.connectionClosed(self.connection, reason: reason)
    }
}
