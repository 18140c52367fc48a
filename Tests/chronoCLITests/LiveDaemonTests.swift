import ChronoProtocol
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono` against the built `chronod`: health, validation before I/O, a stopped daemon, subscriptions.
@Suite("chrono against a live chronod: health, exit codes, subscriptions", .serialized, .timeLimit(.minutes(1)))
struct LiveDaemonTests {
    @Test("health answers SERVING with a revision, as JSON")
    func health() async throws {
        let run = try await LiveDaemon.with { try await ChronoBinary.run(["health", "--format", "json"], port: $0.port) }
        #expect(run.status == 0, "\(run.stderr)")
        let result = try Fixtures.parse(run.stdout)
        #expect(result.text("status") == "SERVING")
        #expect(result["revision"]?.intValue != nil)
    }

    @Test("a bad date exits 64 even with a daemon running, before any call")
    func badDate() async throws {
        let run = try await LiveDaemon.with { try await ChronoBinary.run(["figures", "--to", "2007-02-30"], port: $0.port) }
        #expect(run.status == 64)
        #expect(run.stderr.contains("day 30 is out of range"))
    }

    @Test("a stopped daemon gets one sentence and exit 69")
    func stoppedDaemon() async throws {
        let daemon = try await LiveDaemon.start()
        let port = daemon.port
        await daemon.stop()
        let run = try await ChronoBinary.run(["health"], port: port)
        #expect(run.status == 69)
        #expect(
            run.stderr == "chrono: cannot reach chronod at 127.0.0.1:\(port) — is it running? (connection refused)\n"
        )
    }

    @Test("subscribe either streams frames or says the daemon has no subscriptions (exit 69)")
    func subscribe() async throws {
        let run = try await LiveDaemon.with {
            try await ChronoBinary.run(["subscribe", "stats", "--max-frames", "1", "--deadline", "5s"], port: $0.port)
        }
        if run.status == 0 {
            let frame = try Fixtures.parse(String(run.stdout.split(separator: "\n").first ?? ""))
            #expect(frame.text("kind") == "initial")
        } else {
            #expect(run.status == 69)
            #expect(run.stderr.hasPrefix("chrono: UNIMPLEMENTED: "))
            #expect(run.stderr.contains("no subscriptions"))
        }
    }
}
