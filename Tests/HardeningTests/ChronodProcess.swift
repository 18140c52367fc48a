import Foundation

/// The built `chronod` binary, run as a child process of the test (stopped by its own PID only).
///
/// Every blocking wait (reading its pipes, waiting for its exit) runs on a Dispatch queue, never on the
/// cooperative pool, which has one thread per core and would stall every other test meanwhile.
struct ChronodProcess: @unchecked Sendable {
    /// How a run that was expected to fail ended.
    struct Refusal {
        var status: Int32
        var errorOutput: String
    }

    /// The executable built next to the test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("chronod")
    }

    let process: Process
    let errors: Pipe
    /// The port it listens on, from its "chronod listening on HOST:PORT" line.
    let port: Int

    /// Runs chronod with `arguments` and expects it to exit on its own (bounded: killed after 20 s).
    static func refusal(arguments: [String], environment: [String: String] = [:]) async throws -> Refusal {
        try await Self.offPool { try Self.blockingRefusal(arguments: arguments, environment: environment) }
    }

    /// Starts chronod on 127.0.0.1 port 0 and waits for its listening line.
    static func start(arguments: [String], environment: [String: String] = [:]) async throws -> ChronodProcess {
        try await Self.offPool { try Self.blockingStart(arguments: arguments, environment: environment) }
    }

    /// Stops it with SIGTERM and returns everything it wrote to standard error.
    func stop() async -> String {
        (try? await Self.offPool { self.blockingStop() }) ?? ""
    }

    private static func offPool<T>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    private static func blockingRefusal(arguments: [String], environment: [String: String]) throws -> Refusal {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment
            .filter { !$0.key.hasPrefix("CHRONO_") }
            .merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        return Refusal(status: process.terminationStatus, errorOutput: message)
    }

    private static func blockingStart(arguments: [String], environment: [String: String]) throws -> ChronodProcess {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--host", "127.0.0.1", "--port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment
            .filter { !$0.key.hasPrefix("CHRONO_") }
            .merging(environment) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        let line = Self.firstLine(of: output.fileHandleForReading)
        watchdog.cancel()
        guard let line, let port = line.split(separator: ":").last.flatMap({ Int($0) }) else {
            if process.isRunning { process.terminate() }
            throw StartError(message: "chronod did not print its listening line")
        }
        return ChronodProcess(process: process, errors: errors, port: port)
    }

    private func blockingStop() -> String {
        kill(self.process.processIdentifier, SIGTERM)
        let text = String(decoding: self.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        self.process.waitUntilExit()
        return text
    }

    private struct StartError: Error {
        var message: String
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
