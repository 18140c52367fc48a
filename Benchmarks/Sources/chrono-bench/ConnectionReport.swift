/// What one connection did during the measured window.
struct ConnectionReport: Sendable {
    /// Latencies of the calls both sent and answered inside the window.
    var histogram = LatencyHistogram()
    /// Calls written, warm-up included.
    var sent: UInt64 = 0
    /// Responses read inside the window, to calls sent inside it.
    var completed: UInt64 = 0
    /// Of `completed`, those containing the plan's OK marker (all of them when it has none).
    var ok: UInt64 = 0
    /// Responses that matched no call in flight (an unknown or repeated id).
    var unmatched: UInt64 = 0
    /// Calls still unanswered when the run stopped.
    var inFlight: Int = 0
    /// Why the connection ended before the run stopped, if it did.
    var failure: String?

    /// Adds `other`'s counts and latencies to this report; keeps the first failure.
    mutating func merge(_ other: ConnectionReport) {
        self.histogram.merge(other.histogram)
        self.sent += other.sent
        self.completed += other.completed
        self.ok += other.ok
        self.unmatched += other.unmatched
        self.inFlight += other.inFlight
        self.failure = self.failure ?? other.failure
    }
}
