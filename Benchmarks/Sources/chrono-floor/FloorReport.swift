import BenchSupport

/// The JSON report, in the shape of `chrono-bench`'s (snake_case keys, sorted) so `summarize.py` reads both.
struct FloorReport: Codable {
    /// Latency percentiles in milliseconds.
    struct Latency: Codable {
        var mean: Double
        var p50: Double
        var p90: Double
        var p99: Double
        var p999: Double
        var max: Double

        /// The percentiles of `nanoseconds` (nearest rank).
        init(_ nanoseconds: [UInt64]) {
            let sorted = SortedDurations(nanoseconds)
            self.mean = sorted.meanMilliseconds
            self.p50 = sorted.milliseconds(at: 0.50)
            self.p90 = sorted.milliseconds(at: 0.90)
            self.p99 = sorted.milliseconds(at: 0.99)
            self.p999 = sorted.milliseconds(at: 0.999)
            self.max = sorted.maximumMilliseconds
        }
    }

    var label: String
    var database: String
    var sqliteVersion: String
    var connections: Int
    var connected: Int
    var pipeline = 1
    var warmupS: Double
    var durationS: Double
    var requestLines: Int
    var completed: UInt64
    var ok: UInt64
    var errors: UInt64
    var throughputRps: Double
    var latencyMs: Latency
    var cpuS: Double
    /// CPU seconds per call in milliseconds, over all calls (the warm-up's included, as its CPU is).
    var cpuMsPerCall: Double
    var failures: [String]

    enum CodingKeys: String, CodingKey {
        case label, database, connections, connected, pipeline
        case sqliteVersion = "sqlite_version"
        case warmupS = "warmup_s"
        case durationS = "duration_s"
        case requestLines = "request_lines"
        case completed, ok, errors
        case throughputRps = "throughput_rps"
        case latencyMs = "latency_ms"
        case cpuS = "cpu_s"
        case cpuMsPerCall = "cpu_ms_per_call"
        case failures
    }
}
