import ChronoClient
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import NIOCore
import Testing

@testable import ChronoServer

/// Writes need the token, compared in constant time; tokens come from a file or the environment and are never
/// logged; a non-loopback bind without a token refuses to start.
@Suite(.heavy, .timeLimit(.minutes(1))) struct AccessTests {
    private static let token = "s3cret-token-7f9a"

    @Test func tokenComparisonNeedsEveryByteAndTheExactLength() {
        let token = Array(Self.token.utf8)
        #expect(WriteAuthorization.constantTimeEqual(token, token))
        #expect(!WriteAuthorization.constantTimeEqual(token, Array("s3cret-token-7f9b".utf8)))
        #expect(!WriteAuthorization.constantTimeEqual(token, Array(token.dropLast())))
        #expect(!WriteAuthorization.constantTimeEqual(token, []))
        // Lengths that differ by a multiple of 256, padded with zero bytes, must not compare equal.
        #expect(!WriteAuthorization.constantTimeEqual(token, token + Array(repeating: 0, count: 256)))
        #expect(!WriteAuthorization.constantTimeEqual([], Array(repeating: 0, count: 512)))
    }

    @Test func onlyLoopbackAddressesCountAsLoopback() {
        for host in ["127.0.0.1", "127.1.2.3", "::1", "localhost"] {
            #expect(SocketAddress.isLoopback(host: host), "\(host)")
        }
        for host in ["0.0.0.0", "::", "10.0.0.1", "192.168.1.7", "127.example.org", "::ffff:10.0.0.1"] {
            #expect(!SocketAddress.isLoopback(host: host), "\(host)")
        }
        #expect(throws: ChronoError.self) { try WriteAuthorization.checkBinding(host: "0.0.0.0", token: nil) }
        #expect(throws: Never.self) { try WriteAuthorization.checkBinding(host: "0.0.0.0", token: Self.token) }
        #expect(throws: Never.self) { try WriteAuthorization.checkBinding(host: "127.0.0.1", token: nil) }
        // Off loopback, plain TCP needs --insecure; TLS or loopback need nothing.
        #expect(throws: ChronoError.self) {
            try TransportSecurity.checkBinding(host: "::", tls: false, insecure: false)
        }
        #expect(throws: Never.self) { try TransportSecurity.checkBinding(host: "::", tls: false, insecure: true) }
        #expect(throws: Never.self) { try TransportSecurity.checkBinding(host: "0.0.0.0", tls: true, insecure: false) }
        #expect(throws: Never.self) { try TransportSecurity.checkBinding(host: "::1", tls: false, insecure: false) }
    }

    @Test func writesOverTCPNeedTheExactTokenAndReadsDoNot() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let upsert: JSONValue = [HardeningFixture.event("access-1", year: 2001)]
        try await withServer(live: fixture.live, liveConfiguration: LiveConfiguration(token: Self.token)) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let missing = try await client.call(.factsWrite, params: ["upserts": upsert])
            let wrong = try await client.call(
                .factsWrite,
                params: ["upserts": upsert],
                metadata: ["authorization": "s3cret-token-7f9b"]
            )
            let padded = try await client.call(
                .factsWrite,
                params: ["upserts": upsert],
                metadata: ["authorization": Self.token + String(repeating: "\u{0}", count: 256)]
            )
            let read = try await client.call(.timelineQuery, params: ["limit": 1])
            let right = try await client.call(
                .factsWrite,
                params: ["upserts": upsert],
                metadata: ["authorization": Self.token]
            )
            try await client.close()
            #expect(missing.status == .unauthenticated)
            #expect(missing.message == "metadata.authorization: a token is required for writes")
            #expect(wrong.status == .unauthenticated)
            #expect(padded.status == .unauthenticated)
            #expect(read.status == .ok)
            #expect(right.status == .ok)
            #expect(right.revision == missing.revision + 1)
        }
    }

    @Test func chronodRefusesANonLoopbackHostWithoutATokenBeforeOpeningAnything() async throws {
        let scratch = try TemporaryDirectory(prefix: "chronod-access")
        defer { scratch.remove() }
        let database = scratch.appending("never.sqlite").path
        for host in ["0.0.0.0", "::"] {
            let refusal = try await Chronod.refusal(arguments: ["--host", host, "--port", "0", "--db", database])
            #expect(refusal.status != 0)
            #expect(refusal.stderr.contains("--host \(host) is not a loopback address"))
            #expect(!FileManager.default.fileExists(atPath: database))
        }
    }

    @Test func chronodRejectsAnEmptyTokenFileAndTwoTokenSources() async throws {
        let scratch = try TemporaryDirectory(prefix: "chronod-access")
        defer { scratch.remove() }
        let empty = scratch.appending("empty-token")
        try Data("\n".utf8).write(to: empty)
        let emptyRun = try await Chronod.refusal(arguments: ["--token-file", empty.path, "--port", "0"])
        let both = try await Chronod.refusal(arguments: [
            "--token-file", empty.path, "--token", "x", "--port", "0",
        ])
        let absent = try await Chronod.refusal(arguments: [
            "--token-file", scratch.appending("absent").path, "--port", "0",
        ])
        #expect(emptyRun.status != 0)
        #expect(emptyRun.stderr.contains("the first line is empty"))
        #expect(both.status != 0)
        #expect(both.stderr.contains("--token and --token-file are exclusive"))
        #expect(absent.status != 0)
        #expect(absent.stderr.contains("cannot be read"))
    }

    @Test func chronodTakesItsTokenFromAFileOrTheEnvironmentAndNeverLogsIt() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let tokenFile = fixture.directory.appending("token")
        try Data((Self.token + "\n").utf8).write(to: tokenFile)
        let graph = fixture.directory.appending("graph").path
        let sources: [(arguments: [String], environment: [String: String])] = [
            (["--token-file", tokenFile.path], [:]),
            ([], ["CHRONO_TOKEN": Self.token]),
        ]
        for (index, source) in sources.enumerated() {
            let database = fixture.directory.appending("daemon-\(index).sqlite").path
            let daemon = try await Chronod.start(
                arguments: ["--db", database, "--graph", graph] + source.arguments,
                environment: source.environment
            )
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: daemon.port)
            let upsert: JSONValue = [HardeningFixture.event("token-\(index)", year: 2002)]
            let without = try await client.call(.factsWrite, params: ["upserts": upsert])
            let with = try await client.call(
                .factsWrite,
                params: ["upserts": upsert],
                metadata: ["authorization": Self.token]
            )
            try await client.close()
            let log = await daemon.stop().stderr
            #expect(without.status == .unauthenticated)
            #expect(with.status == .ok)
            #expect(!log.isEmpty)
            #expect(!log.contains(Self.token))
        }
    }

    @Test func snapshotIdsNamingPathsReachNoFile() async throws {
        let fixture = try await HardeningFixture.make()
        defer { fixture.remove() }
        let hostile = ["../../escaped", "/tmp/chronograph-escaped", "..", "a/../../b", "r1-\u{0}"]
        let outside = fixture.directory.url.deletingLastPathComponent()
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: outside.path))
        try await withServer(live: fixture.live) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            var statuses: [StatusCode] = []
            for id in hostile {
                statuses.append(try await client.call(.timelineQuery, params: ["as_of": .string(id)]).status)
                statuses.append(try await client.call(.snapshotRestore, params: ["id": .string(id)]).status)
                statuses.append(try await client.call(.snapshotExport, params: ["id": .string(id)]).status)
            }
            try await client.close()
            #expect(statuses.allSatisfy { $0 == .notFound || $0 == .invalidArgument }, "\(statuses)")
        }
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: outside.path))
        let escaped = after.subtracting(before).filter { $0.contains("escaped") || $0.hasPrefix("asof-") }
        #expect(escaped.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/chronograph-escaped"))
    }
}
