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
        let scratch = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("graph.sqlite").path
        let arguments = [
            "--host", "127.0.0.1", "--port", "0", "--db", database,
            "--graph", Self.repository.appendingPathComponent("Graph").path,
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
        let scratch = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("nested/env.sqlite").path
        let environment = [
            "CHRONO_HOST": "127.0.0.1", "CHRONO_PORT": "0", "CHRONO_DB": database,
            "CHRONO_GRAPH": Self.repository.appendingPathComponent("Graph").path,
        ]
        let run = try await Self.serveOnce(arguments: [], environment: environment, signal: SIGINT)
        #expect(run.health.status == .ok)
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(run.reason == .exit)
        #expect(run.status == 0)
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
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let handle = output.fileHandleForReading
        let line = try #require(await Self.offCooperativePool { Self.firstLine(of: handle) })
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0) })
        let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
        let health = try await client.call(.healthCheck)
        try await client.close()

        kill(process.processIdentifier, signal)
        await Self.offCooperativePool { process.waitUntilExit() }
        return Run(line: line, health: health, reason: process.terminationReason, status: process.terminationStatus)
    }

    private static func scratchDirectory() throws -> URL {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chronod-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        return scratch
    }

    /// Runs blocking `work` on a Dispatch thread: the cooperative pool has one thread per core, and a test
    /// blocked on a child process there would stall the in-process servers of tests running beside it.
    private static func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
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
