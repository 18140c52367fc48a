import ChronoCompression
import Foundation
import Testing

private let systemGzip = "/bin/gzip"

/// Interoperability with the system `gzip`; skipped when `/bin/gzip` is not installed.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: systemGzip), "skipped: needs \(systemGzip)"))
struct GzipSystemToolTests {
    /// Runs `gzip arguments` with `input` on stdin and returns its stdout; fails on a non-zero exit.
    static func runGzip(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory
        let inputFile = directory.appendingPathComponent("chrono-gzip-\(UUID().uuidString)")
        try Data(input).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: systemGzip)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gzip \(arguments) exited \(process.terminationStatus)")
        return Array(bytes)
    }

    @Test(arguments: [0, 1, 100_000])
    func systemGzipReadsOurOutput(_ lines: Int) throws {
        let original = SeededBytes.jsonLines(lines)
        let compressed = try GzipDeflater.compress(original)
        #expect(try Self.runGzip(["-dc"], input: compressed) == original)
    }

    @Test func systemGzipReadsRandomData() throws {
        let original = SeededBytes.random(count: 300_000, seed: 9)
        #expect(try Self.runGzip(["-dc"], input: GzipDeflater.compress(original, level: 1)) == original)
    }

    @Test(arguments: ["-1", "-6", "-9"])
    func weReadSystemGzipOutput(_ level: String) throws {
        let original = SeededBytes.jsonLines(10_000) + SeededBytes.random(count: 50_000, seed: 5)
        let compressed = try Self.runGzip([level, "-c"], input: original)
        #expect(try GzipInflater.decompress(compressed, expectedSize: original.count) == original)
    }

    @Test func defaultLevelBeatsGzipSix() throws {
        let original = SeededBytes.jsonLines(50_000)
        let ours = try GzipDeflater.compress(original)
        let theirs = try Self.runGzip(["-6", "-c"], input: original)
        #expect(ours.count <= theirs.count)
    }
}
