import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoCLI

/// Issue 14: `chronod --tls-cert --tls-key [--tls-client-ca]` and `chrono --tls --tls-ca [--tls-cert --tls-key]`,
/// with certificates made at test time: the same answers as over plain TCP, refusals that say why, bad files that
/// stop chronod with exit 78, and no plain TCP off loopback without `--insecure`.
@Suite("TLS between chrono and chronod", .heavy, .serialized, .timeLimit(.minutes(2)))
struct TLSTests {
    @Test("health and timeline answer over TLS as over plain TCP; untrusted or plain clients are refused")
    func answersOverTLS() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let timeline = ["timeline", "--all", "--format", "json"]
        let plainTimeline = try await LiveDaemon.with { try await ChronoBinary.run(timeline, port: $0.port) }
        let runs = try await LiveDaemon.with(arguments: Self.serverArguments(certificates)) { daemon in
            let trusted = ["--tls-ca", certificates.ca]
            return (
                health: try await ChronoBinary.run(["health", "--format", "json"] + trusted, port: daemon.port),
                timeline: try await ChronoBinary.run(timeline + trusted, port: daemon.port),
                stranger: try await ChronoBinary.run(["health", "--tls-ca", certificates.otherCA], port: daemon.port),
                systemRoots: try await ChronoBinary.run(["health", "--tls"], port: daemon.port),
                plain: try await ChronoBinary.run(["health"], port: daemon.port)
            )
        }
        #expect(runs.health.status == 0, "\(runs.health.stderr)")
        #expect(try Fixtures.parse(runs.health.stdout).text("status") == "SERVING")
        #expect(plainTimeline.status == 0, "\(plainTimeline.stderr)")
        #expect(runs.timeline.status == 0, "\(runs.timeline.stderr)")
        #expect(!runs.timeline.stdout.isEmpty)
        #expect(runs.timeline.stdout == plainTimeline.stdout, "TLS must not change an answer")
        for refused in [runs.stranger, runs.systemRoots] {
            #expect(refused.status == 69)
            #expect(refused.stderr.contains("TLS handshake with chronod at 127.0.0.1"), "\(refused.stderr)")
            #expect(refused.stderr.contains("the daemon's certificate is not trusted"), "\(refused.stderr)")
        }
        #expect(runs.plain.status == 69, "a plain client must not be served by a TLS daemon")
    }

    @Test("with --tls-client-ca the daemon refuses a client without a certificate and serves one with it")
    func mutualTLS() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let arguments = Self.serverArguments(certificates) + ["--tls-client-ca", certificates.ca]
        let (without, with) = try await LiveDaemon.with(arguments: arguments) { daemon in
            (
                try await ChronoBinary.run(["health", "--tls-ca", certificates.ca], port: daemon.port),
                try await ChronoBinary.run(
                    [
                        "health", "--tls-ca", certificates.ca, "--tls-cert", certificates.clientCertificate,
                        "--tls-key", certificates.clientKey,
                    ],
                    port: daemon.port
                )
            )
        }
        #expect(without.status == 69, "\(without.stderr)")
        #expect(with.status == 0, "\(with.stderr)")
    }

    @Test("a TLS file chronod cannot use stops it with exit 78 and a message naming the file")
    func badFilesStopChronod() async throws {
        let certificates = try await TestCertificates.make()
        defer { certificates.remove() }
        let missing = certificates.directory.appendingPathComponent("absent.pem").path
        let notPEM = certificates.directory.appendingPathComponent("server.ext").path
        let database = certificates.directory.appendingPathComponent("never.sqlite").path
        let cases: [(arguments: [String], message: String)] = [
            (["--tls-cert", missing, "--tls-key", certificates.serverKey], "TLS certificate \(missing): the file"),
            (["--tls-cert", notPEM, "--tls-key", certificates.serverKey], "TLS certificate \(notPEM): not a PEM"),
            (["--tls-cert", certificates.serverCertificate, "--tls-key", notPEM], "TLS private key \(notPEM): not"),
            (
                ["--tls-cert", certificates.serverCertificate, "--tls-key", certificates.clientKey],
                "is not the key of the certificate"
            ),
            (Self.serverArguments(certificates) + ["--tls-client-ca", missing], "TLS client CA \(missing)"),
        ]
        for (arguments, message) in cases {
            let run = try await Chronod.refusal(arguments: ["--port", "0", "--db", database] + arguments)
            #expect(run.status == 78, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        let halfPair = try await Chronod.refusal(arguments: ["--port", "0", "--tls-cert", certificates.ca])
        #expect(halfPair.status == 64)
        #expect(halfPair.stderr.contains("--tls-cert and --tls-key go together"))
        #expect(!FileManager.default.fileExists(atPath: database), "nothing is opened before the files are checked")
    }

    @Test("chronod refuses plain TCP off loopback, even with a token, unless --insecure")
    func plainTCPOffLoopback() async throws {
        let scratch = try TemporaryDirectory(prefix: "chrono-tls")
        defer { scratch.remove() }
        let database = scratch.appending("never.sqlite").path
        let run = try await Chronod.refusal(arguments: [
            "--host", "0.0.0.0", "--port", "0", "--token", "t0k3n", "--db", database,
        ])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--host 0.0.0.0 is not a loopback address"), "\(run.stderr)")
        #expect(run.stderr.contains("--tls-cert and --tls-key, or with --insecure"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("chrono names a TLS file it cannot use and exits 64 before connecting")
    func badClientFile() async throws {
        let run = try await ChronoBinary.run(["health", "--tls-ca", "/nonexistent/ca.pem"], port: 1)
        #expect(run.status == 64)
        #expect(run.stderr.contains("TLS CA /nonexistent/ca.pem: the file does not exist"), "\(run.stderr)")
        let half = try await ChronoBinary.run(["health", "--tls-cert", "/nonexistent/client.pem"], port: 1)
        #expect(half.status == 64)
        #expect(half.stderr.contains("--tls-cert and --tls-key go together"), "\(half.stderr)")
    }

    private static func serverArguments(_ certificates: TestCertificates) -> [String] {
        ["--tls-cert", certificates.serverCertificate, "--tls-key", certificates.serverKey]
    }
}
