import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono` against the built `chronod`: health, validation before I/O, a stopped daemon, subscriptions.
@Suite("chrono against a live chronod: health, exit codes, subscriptions", .heavy, .serialized, .timeLimit(.minutes(1)))
struct LiveDaemonTests {
    @Test("health answers SERVING with a revision, as JSON")
    func health() async throws {
        let run = try await LiveDaemon.with {
            try await ChronoBinary.run(["health", "--format", "json"], port: $0.port)
        }
        #expect(run.status == 0, "\(run.stderr)")
        let result = try Fixtures.parse(run.stdout)
        #expect(result.text("status") == "SERVING")
        #expect(result["revision"]?.intValue != nil)
    }

    @Test("a bad date exits 64 even with a daemon running, before any call")
    func badDate() async throws {
        let run = try await LiveDaemon.with {
            try await ChronoBinary.run(["figures", "--to", "2007-02-30"], port: $0.port)
        }
        #expect(run.status == 64)
        #expect(run.stderr.contains("day 30 out of range"))
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

    @Test("subscribe hides progress frames unless --progress is given")
    func progress() async throws {
        let run = try await LiveDaemon.with {
            try await ChronoBinary.run(
                ["subscribe", "stats", "--max-frames", "2", "--progress", "--deadline", "10s"],
                port: $0.port
            )
        }
        #expect(run.status == 0, "\(run.stderr)")
        let kinds = try run.stdout.split(separator: "\n").map { try Fixtures.parse(String($0)).text("kind") }
        #expect(kinds == ["initial", "progress"])
    }

    @Test("subscribe from the current revision sees a write made by chrono write, then stops at its revision")
    func subscribe() async throws {
        let (subscription, write) = try await LiveDaemon.with { daemon in
            let health = try await ChronoBinary.run(["health", "--format", "json"], port: daemon.port)
            let revision = try #require(try Fixtures.parse(health.stdout)["revision"]?.intValue)
            async let subscription = ChronoBinary.run(
                [
                    "subscribe", "timeline", "--from", "2030", "--since-revision", String(revision),
                    "--until-revision", String(revision + 1), "--deadline", "20s",
                ],
                port: daemon.port
            )
            let write = try await ChronoBinary.run(["write", "-"], port: daemon.port, input: WriteFixtures.event)
            return (try await subscription, write)
        }
        #expect(write.status == 0, "\(write.stderr)")
        #expect(subscription.status == 0, "\(subscription.stderr)")
        let frames = try subscription.stdout.split(separator: "\n").map { try Fixtures.parse(String($0)) }
        #expect(frames.allSatisfy { $0.text("kind") != "progress" })
        let change = try #require(frames.last)
        #expect(change.text("kind") == "change")
        #expect(change["revision"] == (try Fixtures.parse(write.stdout)["revision"]))
        #expect(change.list("added").map { $0.text("id") }.contains("2030-test-arrivals"))
    }
}
