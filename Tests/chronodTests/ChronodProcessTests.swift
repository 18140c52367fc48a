import ChronoClient
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

/// Runs the built `chronod` binary: the shipped entry point, not just the library.
@Suite(.heavy, .timeLimit(.minutes(1))) struct ChronodProcessTests {
    @Test func servesOnAnEphemeralPortAndExitsCleanlyOnSIGTERM() async throws {
        let scratch = try TemporaryDirectory(prefix: "chronod")
        defer { scratch.remove() }
        let database = scratch.appending("graph.sqlite").path
        let arguments = [
            "--host", "127.0.0.1", "--port", "0", "--db", database,
            "--graph", Repository.url("Graph").path,
        ]
        let run = try await Self.serveOnce(arguments: arguments, environment: [:], signal: SIGTERM)
        #expect(run.line.hasPrefix("chronod listening on 127.0.0.1:"))
        #expect(run.health.status == .ok)
        #expect(run.health.result?["status"] == "SERVING")
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(run.reason == .exit)
        #expect(run.status == 0)
    }

    @Test func readsItsOptionsFromTheEnvironmentAndStopsOnSIGINT() async throws {
        let scratch = try TemporaryDirectory(prefix: "chronod")
        defer { scratch.remove() }
        let database = scratch.appending("nested/env.sqlite").path
        let environment = [
            "CHRONO_HOST": "127.0.0.1", "CHRONO_PORT": "0", "CHRONO_DB": database,
            "CHRONO_GRAPH": Repository.url("Graph").path,
        ]
        let run = try await Self.serveOnce(arguments: [], environment: environment, signal: SIGINT)
        #expect(run.health.status == .ok)
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(run.reason == .exit)
        #expect(run.status == 0)
    }

    @Test(arguments: [
        (["--port", "70000"], "--port must be between 0 and 65535, got 70000"),
        (["--port", "0", "--quick-budget-ms", "1001"], "--quick-budget-ms must be between 0 and 1000, got 1001"),
        (["--port", "0", "--quick-budget-ms=-1"], "--quick-budget-ms must be between 0 and 1000, got -1"),
    ])
    func rejectsAnOptionOutOfRange(arguments: [String], message: String) async throws {
        let run = try await Chronod.refusal(arguments: arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message))
        #expect(!run.stdout.contains("listening"))
    }

    @Test func aSecondDaemonOnTheSameDatabaseRefusesToStartNamingTheFirst() async throws {
        let scratch = try TemporaryDirectory(prefix: "chronod")
        defer { scratch.remove() }
        let database = scratch.appending("graph.sqlite").path
        let graph = Repository.url("Graph").path
        let first = try await Chronod.start(arguments: ["--db", database, "--graph", graph])
        let second = try await Chronod.refusal(
            arguments: ["--host", "127.0.0.1", "--port", "0", "--db", database, "--graph", graph]
        )
        #expect(second.status == 75)
        #expect(second.stderr.contains("another chronod (pid \(first.child.pid)) is serving \(database)"))
        #expect(!second.stdout.contains("listening"))
        // The first still serves, and once it has stopped the file is free again.
        let client = try await ChronoClient.connect(host: "127.0.0.1", port: first.port)
        #expect(try await client.call(.healthCheck).status == .ok)
        try await client.close()
        #expect(await first.stop().status == 0)
        let third = try await Chronod.start(arguments: ["--db", database, "--graph", graph])
        #expect(await third.stop().status == 0)
    }

    @Test func prewarmReadsTheDatabaseBeforeListening() async throws {
        let scratch = try TemporaryDirectory(prefix: "chronod")
        defer { scratch.remove() }
        let database = scratch.appending("prewarmed.sqlite").path
        let run = try await Self.serveOnce(
            arguments: [
                "--host", "127.0.0.1", "--port", "0", "--db", database, "--graph", Repository.url("Graph").path,
                "--prewarm", "--cache-mb", "1",
            ],
            environment: [:],
            signal: SIGTERM
        )
        #expect(run.health.status == .ok)
        #expect(run.status == 0)
    }

    @Test func storeChoosesTheSQLiteFileLikeDb() async throws {
        let scratch = try TemporaryDirectory(prefix: "chronod")
        defer { scratch.remove() }
        let database = scratch.appending("store.sqlite").path
        let environment = ["CHRONO_STORE": "sqlite:" + database]
        let run = try await Self.serveOnce(
            arguments: ["--host", "127.0.0.1", "--port", "0", "--graph", Repository.url("Graph").path],
            environment: environment,
            signal: SIGTERM
        )
        #expect(run.health.status == .ok)
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(run.status == 0)
    }

    @Test(arguments: [
        (["--store", "sqlite:a.sqlite", "--db", "b.sqlite"], "--store and --db are exclusive"),
        (["--store", "sqlite:a.sqlite", "--read-url", "unix:/tmp/.s.PGSQL.5433"], "it needs --store postgres://"),
        (["--store", "mysql://localhost/x"], "--store: neither sqlite:PATH nor a PostgreSQL location"),
        (["--store", "sqlite:"], "--store sqlite:PATH needs a path"),
        (["--store", "postgres://u@127.0.0.1:5432/db", "--prewarm"], "--prewarm reads a SQLite file"),
        (["--db", "a.sqlite", "--cache-mb", "2000000"], "--cache-mb must be between 0 and 1048576 MiB, not 2000000"),
        (
            ["--store", "postgres://u@127.0.0.1:5432/db", "--read-url", "replica:5433"],
            "--read-url: PostgreSQL location"
        ),
    ])
    func refusesAStoreItCannotUse(arguments: [String], message: String) async throws {
        let run = try await Chronod.refusal(arguments: ["--port", "0"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message))
        #expect(!run.stdout.contains("listening"))
    }

    @Test func anUnreachablePostgreSQLStopsTheStartWithStatus69() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let run = try await Chronod.refusal(
            arguments: ["--host", "127.0.0.1", "--port", "0", "--store", "postgres://chrono@127.0.0.1:1/chrono"]
        )
        #expect(run.status == 69)
        #expect(run.stderr.contains("postgres://chrono@127.0.0.1:1/chrono"))
        #expect(!run.stdout.contains("listening"))
    }

    private struct Run {
        var line: String
        var health: Response
        var reason: Process.TerminationReason
        var status: Int32
    }

    /// Starts `chronod`, reads its listening line, calls Health/Check, sends `signal` and waits for the exit.
    private static func serveOnce(
        arguments: [String],
        environment: [String: String],
        signal: Int32
    ) async throws -> Run {
        let daemon = try ChildProcess.start(
            try Chronod.executable,
            arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        )
        let line = try await daemon.firstLine(within: .seconds(60))
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0) })
        let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
        let health = try await client.call(.healthCheck)
        try await client.close()
        let output = await daemon.stop(signal)
        return Run(line: line, health: health, reason: output.reason, status: output.status)
    }
}
