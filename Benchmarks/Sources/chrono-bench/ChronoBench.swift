import ArgumentParser
import ChronoTLS
import Foundation

/// `chrono-bench`: a closed-loop load generator for any newline-framed request/response server.
///
/// Opens C connections, keeps P calls in flight on each for a bounded time, and prints one JSON
/// report (throughput, latency percentiles). The same tool drives `chronod` (NDJSON with `$ID`
/// placeholders and `--match-id`) and redis (`PING` with `--crlf`), so their ratio compares servers.
@main
struct ChronoBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chrono-bench",
        abstract: "Drive a line-based TCP server with C connections × P pipelined calls; print a JSON report.",
        discussion: """
            Each request line may contain $ID, replaced by the connection's call number (1, 2, ...). \
            Example: chrono-bench --port 7070 --match-id --ok-contains '"status":"OK"' \
            --line '{"id":$ID,"method":"chrono.v1.Health/Check","params":{}}'
            """
    )

    @Option(help: "Server host.")
    var host = "127.0.0.1"

    @Option(help: "Server port.")
    var port: Int

    @Option(help: "Concurrent connections.")
    var connections = 50

    @Option(help: "Calls in flight per connection.")
    var pipeline = 1

    @Option(help: "Measured seconds (after the warm-up).")
    var duration = 5.0

    @Option(help: "Warm-up seconds, not measured.")
    var warmup = 1.0

    @Option(help: "Event-loop threads of the load generator.")
    var threads = 1

    @Option(help: "A file of request lines, cycled through; blank lines are skipped.")
    var requests: String?

    @Option(help: "A request line (repeatable); used when --requests is absent.")
    var line: [String] = []

    @Flag(help: "End request lines with CR LF (redis inline commands) instead of LF.")
    var crlf = false

    @Flag(help: "Match responses to calls by their numeric \"id\" field (out-of-order servers).")
    var matchID = false

    @Option(help: "Count a response as OK only if it contains this text.")
    var okContains: String?

    @Option(help: "A label copied into the report.")
    var label = "run"

    @Option(name: .customLong("tls-ca"), help: "Speak TLS, trusting the CA in this PEM file (chronod --tls-cert).")
    var tlsCA: String?

    func validate() throws {
        guard (1...65535).contains(self.port) else { throw ValidationError("--port: expected 1...65535") }
        guard (1...20000).contains(self.connections) else {
            throw ValidationError("--connections: expected 1...20000")
        }
        guard (1...4096).contains(self.pipeline) else { throw ValidationError("--pipeline: expected 1...4096") }
        guard self.duration > 0, self.duration <= 600 else {
            throw ValidationError("--duration: expected more than 0 and at most 600 seconds")
        }
        guard self.warmup >= 0, self.warmup <= 60 else { throw ValidationError("--warmup: expected 0...60 seconds") }
        guard (1...64).contains(self.threads) else { throw ValidationError("--threads: expected 1...64") }
        guard self.requests != nil || !self.line.isEmpty else {
            throw ValidationError("give request lines with --requests FILE or --line TEXT")
        }
    }

    func run() async throws {
        let plan = LoadPlan(
            templates: try self.loadTemplates(),
            lineEnding: self.crlf ? [13, 10] : [10],
            pipeline: self.pipeline,
            matchByID: self.matchID,
            okMarker: self.okContains.map { Array($0.utf8) }
        )
        let runner = LoadRunner(
            host: self.host,
            port: self.port,
            connections: self.connections,
            threads: self.threads,
            tls: try self.tlsCA.map { try TLSSettings.client(trustedCA: $0) },
            plan: plan
        )
        let outcome = try await runner.run(warmup: self.warmup, duration: self.duration)
        let report = self.report(outcome, plan: plan)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
        if outcome.connected == 0 {
            throw ExitCode.failure
        }
    }

    private func loadTemplates() throws -> [RequestTemplate] {
        var lines = self.line
        if let path = self.requests {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("--requests: cannot read \(path)")
            }
            lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
                String($0.hasSuffix("\r") ? $0.dropLast() : $0)
            }
        }
        let templates = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { RequestTemplate($0[...]) }
        guard !templates.isEmpty else { throw ValidationError("no request lines to send") }
        if self.matchID, let index = templates.firstIndex(where: { !$0.hasPlaceholder }) {
            throw ValidationError("--match-id: request line \(index + 1) has no \(RequestTemplate.placeholder)")
        }
        return templates
    }

    private func report(_ outcome: LoadRunner.Outcome, plan: LoadPlan) -> BenchReport {
        let total = outcome.total
        return BenchReport(
            label: self.label,
            host: self.host,
            port: self.port,
            connections: self.connections,
            connected: outcome.connected,
            pipeline: self.pipeline,
            threads: self.threads,
            warmupS: self.warmup,
            durationS: self.duration,
            requestLines: plan.templates.count,
            sent: total.sent,
            completed: total.completed,
            ok: total.ok,
            errors: total.completed - total.ok,
            unmatched: total.unmatched,
            inFlightAtEnd: total.inFlight,
            throughputRps: Double(total.completed) / self.duration,
            latencyMs: BenchReport.Latency(total.histogram),
            clientCPUS: outcome.cpuSeconds,
            failures: outcome.failures
        )
    }
}
