import ChronoClient
import ChronoProtocol
import Foundation
import Testing

/// Runs the built `chronod` binary: the shipped entry point, not just the library.
@Suite(.timeLimit(.minutes(1))) struct ChronodProcessTests {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `chronod` executable built next to the test bundle.
    private static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("chronod")
    }

    @Test func servesOnAnEphemeralPortAndExitsCleanlyOnSIGTERM() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chronod-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("graph.sqlite").path

        let process = Process()
        process.executableURL = Self.executable
        process.arguments = [
            "--host", "127.0.0.1", "--port", "0", "--db", database,
            "--graph", Self.repository.appendingPathComponent("Graph").path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        let line = try #require(Self.firstLine(of: output.fileHandleForReading))
        #expect(line.hasPrefix("chronod listening on 127.0.0.1:"))
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0) })
        #expect(port > 0)

        let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
        let health = try await client.call(.healthCheck)
        try await client.close()

        process.terminate()
        process.waitUntilExit()

        #expect(health.status == .ok)
        #expect(health.result?["status"] == "SERVING")
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test func rejectsAPortOutOfRange() throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--port", "70000"]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("--port must be between 0 and 65535, got 70000"))
    }

    /// Reads bytes up to the first newline (bounded: the daemon prints its line first).
    private static func firstLine(of handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while bytes.count < 4096 {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first else { break }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return nil
    }
}
