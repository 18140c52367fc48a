/// The JSON result of one run, printed on standard output (snake_case keys, sorted).
struct BenchReport: Codable, Sendable {
    /// Latency percentiles in milliseconds.
    struct Latency: Codable, Sendable {
        var mean: Double
        var p50: Double
        var p90: Double
        var p99: Double
        var p999: Double
        var max: Double
    }

    var label: String
    var host: String
    var port: Int
    var connections: Int
    var connected: Int
    var pipeline: Int
    var threads: Int
    var warmupS: Double
    var durationS: Double
    var requestLines: Int
    var sent: UInt64
    var completed: UInt64
    var ok: UInt64
    var errors: UInt64
    var unmatched: UInt64
    var inFlightAtEnd: Int
    var throughputRps: Double
    var latencyMs: Latency
    var clientCPUS: Double
    var failures: [String]

    enum CodingKeys: String, CodingKey {
        case label, host, port, connections, connected, pipeline, threads
        case warmupS = "warmup_s"
        case durationS = "duration_s"
        case requestLines = "request_lines"
        case sent, completed, ok, errors, unmatched
        case inFlightAtEnd = "in_flight_at_end"
        case throughputRps = "throughput_rps"
        case latencyMs = "latency_ms"
        case clientCPUS = "client_cpu_s"
        case failures
    }
}

extension BenchReport.Latency {
    /// The percentiles of `histogram` (nanoseconds), converted to milliseconds.
    init(_ histogram: LatencyHistogram) {
        func ms(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000_000 }
        self.init(
            mean: histogram.mean / 1_000_000,
            p50: ms(histogram.quantile(0.50)),
            p90: ms(histogram.quantile(0.90)),
            p99: ms(histogram.quantile(0.99)),
            p999: ms(histogram.quantile(0.999)),
            max: ms(histogram.maximum)
        )
    }
}
