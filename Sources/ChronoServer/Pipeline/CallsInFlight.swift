import NIOConcurrencyHelpers

/// What one connection still owes its client: request lines received but not yet taken by the session, and
/// calls running. Shared by the connection's guard handler (event loop) and its session (tasks).
///
/// A connection that owes nothing may be closed as idle. Lines count from their arrival, not from the start
/// of their call, so a session slow to take a line (a busy machine) never has its connection closed under it.
final class CallsInFlight: Sendable {
    private let state = NIOLockedValueBox((lines: 0, calls: 0))

    /// Creates an empty count.
    init() {}

    /// `count` complete request lines arrived (one per newline byte).
    func linesArrived(_ count: Int) {
        self.state.withLockedValue { $0.lines += count }
    }

    /// The session took one line off the connection.
    func lineTaken() {
        self.state.withLockedValue { $0.lines = max(0, $0.lines - 1) }
    }

    /// A call started.
    func started() {
        self.state.withLockedValue { $0.calls += 1 }
    }

    /// A call ended.
    func ended() {
        self.state.withLockedValue { $0.calls = max(0, $0.calls - 1) }
    }

    /// Whether a line waits to be taken or a call is running.
    var isBusy: Bool {
        self.state.withLockedValue { $0.lines > 0 || $0.calls > 0 }
    }
}
