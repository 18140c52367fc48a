import ChronoTesting
import Foundation
import Testing

/// Runs the built `chrono` executable, as a user or a script would.
@Suite("chrono binary: help, validation and exit codes without a daemon", .heavy, .timeLimit(.minutes(1)))
struct BinaryTests {
    func chrono(
        _ arguments: [String],
        environment: [String: String] = [:]
    ) async throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let path = try #require(BuiltProducts.path("chrono"), "the chrono executable is not built")
        return try await ProcessRunner.run(path, arguments, environment: environment)
    }

    @Test("--help lists every subcommand and the exit codes")
    func help() async throws {
        let output = try await self.chrono(["--help"])
        #expect(output.status == 0)
        for command in [
            "timeline", "show", "find, search", "neighbors", "path", "subgraph", "disputes", "figures",
            "subscribe", "stats", "health",
        ] {
            #expect(output.stdout.contains("  \(command) "), "help lacks \(command)")
        }
        #expect(output.stdout.contains("66 not found"))
    }

    @Test("a subcommand's help shows the shared options and an example")
    func subcommandHelp() async throws {
        let output = try await self.chrono(["help", "timeline"])
        #expect(output.status == 0)
        for option in ["--host", "--port", "--deadline", "--token", "--format", "--from", "--to"] {
            #expect(output.stdout.contains(option), "timeline help lacks \(option)")
        }
        #expect(output.stdout.contains("Examples:"))
    }

    @Test("a bad date exits 64 before any connection, naming the option and the reason")
    func badDate() async throws {
        let output = try await self.chrono(["timeline", "--from", "2019-13", "--port", "1"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--from"))
        #expect(output.stderr.contains("month 13 out of range"))
        #expect(!output.stderr.contains("cannot reach"))
    }

    @Test("no daemon: one sentence on stderr and exit 69")
    func noDaemon() async throws {
        let port = try #require(ClosedPort.make())
        let output = try await self.chrono(["health", "--port", String(port)])
        #expect(output.status == 69)
        #expect(output.stdout.isEmpty)
        #expect(
            output.stderr == "chrono: cannot reach chronod at 127.0.0.1:\(port) — is it running? (connection refused)\n"
        )
    }

    @Test("CHRONO_PORT is used when --port is not given")
    func portFromEnvironment() async throws {
        let port = try #require(ClosedPort.make())
        let output = try await self.chrono(["stats"], environment: ["CHRONO_PORT": String(port)])
        #expect(output.status == 69)
        #expect(output.stderr.contains("127.0.0.1:\(port)"))
    }

    @Test("shell completion scripts are generated", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) async throws {
        let output = try await self.chrono(["--generate-completion-script", shell])
        #expect(output.status == 0)
        #expect(output.stdout.contains("timeline"))
        #expect(output.stdout.contains("deadline"))
    }

    @Test("the committed completion scripts match what the binary generates", arguments: ["bash", "zsh", "fish"])
    func committedCompletionsAreCurrent(shell: String) async throws {
        let script = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Tools/completions/chrono.\(shell)")
        let committed = try String(contentsOf: script, encoding: .utf8)
        let output = try await self.chrono(["--generate-completion-script", shell])
        #expect(output.stdout == committed, "regenerate with: chrono --generate-completion-script \(shell)")
    }

    @Test(
        "a daemon that never answers: DEADLINE_EXCEEDED and exit 75 soon after --deadline",
        arguments: [["stats"], ["timeline", "--all"], ["subscribe", "stats"]]
    )
    func silentDaemon(command: [String]) async throws {
        let server = try #require(SilentServer.start())
        defer { server.close() }
        let started = ContinuousClock.now
        let output = try await self.chrono(command + ["--port", String(server.port), "--deadline", "200ms"])
        #expect(output.status == 75)
        #expect(output.stderr.hasPrefix("chrono: DEADLINE_EXCEEDED: "))
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
