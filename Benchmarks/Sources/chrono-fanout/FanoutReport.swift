import BenchSupport

/// The JSON result of one fan-out run, printed on standard output (snake_case keys, sorted).
struct FanoutReport: Encodable, Sendable {
    /// Percentiles of a set of durations, in milliseconds.
    struct Latency: Encodable, Sendable {
        var count: Int
        var p50: Double
        var p90: Double
        var p99: Double
        var max: Double

        /// Percentiles of `nanoseconds` (nearest rank); all zero when empty.
        init(_ nanoseconds: [UInt64]) {
            let sorted = SortedDurations(nanoseconds)
            self.count = sorted.count
            self.p50 = sorted.milliseconds(at: 0.5)
            self.p90 = sorted.milliseconds(at: 0.9)
            self.p99 = sorted.milliseconds(at: 0.99)
            self.max = sorted.maximumMilliseconds
        }
    }

    var label: String
    var host: String
    var port: Int
    var subscribers: Int
    var connections: Int
    var distinctQueries: Int
    var query: String
    var commits: Int
    var armed: Int
    var armS: Double
    var expectedNotifications: Int
    var notifications: Int
    /// From the write's send to each subscriber's change frame.
    var notifyFromSendMs: Latency
    /// From the write's acknowledgement to each change frame (frames that beat the ack count as 0).
    var notifyFromAckMs: Latency
    /// Change frames that arrived before the write's acknowledgement.
    var beforeAck: Int
    /// Per commit: from the write's send to the last subscriber's change frame.
    var lastNotificationMs: Latency
    /// Per commit: from the write's send to its acknowledgement.
    var commitMs: Latency
    var clientCPUS: Double
    /// chronod's CPU milliseconds per commit (write + every notification), with `--server-pid`.
    var serverCPUMsPerCommit: Double?
    var errors: Int
    var errorCounts: [String: Int]
    var errorSamples: [String]

    enum CodingKeys: String, CodingKey {
        case label, host, port, subscribers, connections, query, commits, armed, notifications, errors
        case distinctQueries = "distinct_queries"
        case armS = "arm_s"
        case expectedNotifications = "expected_notifications"
        case notifyFromSendMs = "notify_from_send_ms"
        case notifyFromAckMs = "notify_from_ack_ms"
        case beforeAck = "before_ack"
        case lastNotificationMs = "last_notification_ms"
        case commitMs = "commit_ms"
        case clientCPUS = "client_cpu_s"
        case serverCPUMsPerCommit = "server_cpu_ms_per_commit"
        case errorCounts = "error_counts"
        case errorSamples = "error_samples"
    }
}
