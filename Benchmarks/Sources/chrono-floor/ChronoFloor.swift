import ArgumentParser
import BenchSupport
import CSQLite
import Foundation

/// `chrono-floor`: the benchmark's queries run in process on chronod's SQLite file with the best plain SQL,
/// at the same concurrency as `chrono-bench` drives the daemon: the floor the daemon is compared against.
@main
struct ChronoFloor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chrono-floor",
        abstract: "Run chronod request lines directly on its SQLite file with C threads; print a JSON report.",
        discussion: """
            The request file is one written by Tools/bench/make_requests.py (one query kind per file). \
            Stop chronod first, or point --db at a copy. Example: chrono-floor --db g.sqlite \
            --requests requests/timeline.ndjson --connections 50 --duration 5
            """
    )

    @Option(help: "The chronod database (opened read-only).")
    var db: String

    @Option(help: "A file of request lines (make_requests.py); cycled through.")
    var requests: String

    @Option(help: "Worker threads, one connection and one query in flight each.")
    var connections = 50

    @Option(help: "Measured seconds (after the warm-up).")
    var duration = 5.0

    @Option(help: "Warm-up seconds, not measured.")
    var warmup = 1.0

    @Option(help: "Page cache per connection in KiB (chronod's readers use 65536).")
    var cacheKib = 65_536

    @Option(help: "A label copied into the report.")
    var label = "floor"

    @Option(help: "Instead of measuring, print the comparable answers of the first N lines, one JSON line each.")
    var print: Int?

    func validate() throws {
        guard (1...1000).contains(self.connections) else { throw ValidationError("--connections: expected 1...1000") }
        guard (100...4_194_304).contains(self.cacheKib) else {
            throw ValidationError("--cache-kib: expected 100...4194304")
        }
        guard self.duration > 0, self.duration <= 600 else {
            throw ValidationError("--duration: expected more than 0 and at most 600 seconds")
        }
        guard self.warmup >= 0, self.warmup <= 60 else { throw ValidationError("--warmup: expected 0...60 seconds") }
        guard FileManager.default.fileExists(atPath: self.db) else { throw ValidationError("--db: no file \(self.db)") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: self.requests) else {
            throw ValidationError("--requests: cannot read \(self.requests)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
        let requests = try lines.enumerated().map { try FloorRequest(line: $0.element, number: $0.offset + 1) }
        guard !requests.isEmpty else { throw ValidationError("--requests: no request lines") }
        if let count = self.print {
            try self.printAnswers(Array(requests.prefix(count)))
            return
        }
        let cpuBefore = ProcessCPU.ownSeconds()
        let outcome = FloorRunner(path: self.db, cacheKiB: self.cacheKib, requests: requests)
            .run(connections: self.connections, warmup: self.warmup, duration: self.duration)
        let cpu = ProcessCPU.ownSeconds() - cpuBefore
        let report = FloorReport(
            label: self.label,
            database: self.db,
            sqliteVersion: String(cString: sqlite3_libversion()),
            connections: self.connections,
            connected: outcome.connected,
            warmupS: self.warmup,
            durationS: self.duration,
            requestLines: requests.count,
            completed: outcome.completed,
            ok: outcome.ok,
            errors: outcome.completed - outcome.ok,
            throughputRps: Double(outcome.completed) / self.duration,
            latencyMs: FloorReport.Latency(outcome.latencies),
            cpuS: cpu,
            cpuMsPerCall: cpu * 1_000 / Double(max(1, outcome.calls)),
            failures: outcome.failures
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        Swift.print(String(decoding: try encoder.encode(report), as: UTF8.self))
        if outcome.connected == 0 { throw ExitCode.failure }
    }

    private func printAnswers(_ requests: [FloorRequest]) throws {
        let connection = try FloorConnection(path: self.db, cacheKiB: self.cacheKib)
        for (index, request) in requests.enumerated() {
            let object: [String: Any] = ["line": index + 1, "answer": try connection.answer(request).comparable]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
            Swift.print(String(decoding: data, as: UTF8.self))
        }
    }
}
