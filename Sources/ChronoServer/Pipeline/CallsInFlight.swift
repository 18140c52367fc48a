import NIOConcurrencyHelpers

/// How many calls of one connection are running: a connection with a call in flight is never idle, however long
/// the call stays silent. The session counts; `ConnectionGuardHandler` reads. Access is protected by its lock.
final class CallsInFlight: Sendable {
    private let count = NIOLockedValueBox(0)

    init() {}

    /// A call started.
    func started() {
        self.count.withLockedValue { $0 += 1 }
    }

    /// A call ended.
    func ended() {
        self.count.withLockedValue { $0 = max(0, $0 - 1) }
    }

    /// Whether any call is running.
    var isBusy: Bool {
        self.count.withLockedValue { $0 > 0 }
    }
}
