import ChronoCompression
import ChronoTesting
import Foundation
import Testing

private let systemGzip = "/bin/gzip"

/// Interoperability with the system `gzip`; skipped when `/bin/gzip` is not installed.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: systemGzip), "skipped: needs \(systemGzip)"))
struct GzipSystemToolTests {
    /// Runs `gzip arguments` with `input` on stdin and returns its stdout; fails on a non-zero exit.
    static func runGzip(_ arguments: [String], input: [UInt8]) async throws -> [UInt8] {
        let output = try await ChildProcess.run(systemGzip, arguments, input: Data(input))
        try #require(output.status == 0, "gzip \(arguments) exited \(output.status): \(output.stderr)")
        return Array(output.standardOutput)
    }

    @Test(arguments: [0, 1, 100_000])
    func systemGzipReadsOurOutput(_ lines: Int) async throws {
        let original = SeededBytes.jsonLines(lines)
        let compressed = try GzipDeflater.compress(original)
        #expect(try await Self.runGzip(["-dc"], input: compressed) == original)
    }

    @Test func systemGzipReadsRandomData() async throws {
        let original = SeededBytes.random(count: 300_000, seed: 9)
        #expect(try await Self.runGzip(["-dc"], input: GzipDeflater.compress(original, level: 1)) == original)
    }

    @Test(arguments: ["-1", "-6", "-9"])
    func weReadSystemGzipOutput(_ level: String) async throws {
        let original = SeededBytes.jsonLines(10_000) + SeededBytes.random(count: 50_000, seed: 5)
        let compressed = try await Self.runGzip([level, "-c"], input: original)
        #expect(try GzipInflater.decompress(compressed, expectedSize: original.count) == original)
    }

    @Test func defaultLevelBeatsGzipSix() async throws {
        let original = SeededBytes.jsonLines(50_000)
        let ours = try GzipDeflater.compress(original)
        let theirs = try await Self.runGzip(["-6", "-c"], input: original)
        #expect(ours.count <= theirs.count)
    }
}
