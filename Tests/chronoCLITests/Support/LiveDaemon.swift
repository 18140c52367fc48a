import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `chronod`, started on 127.0.0.1 port 0 with a fresh database built from the fixture graph.
///
/// `start` reads the "chronod listening on HOST:PORT" line to learn the port; `stop` sends SIGTERM to the
/// daemon's own PID and waits (at most 10 s) for it to exit. Both wait off the cooperative pool.
// @unchecked: every stored property is immutable, and `Process` is only read (PID, state) after `start`.
final class LiveDaemon: @unchecked Sendable {
    /// The port the daemon listens on.
    let port: Int
    private let process: Process
    private let directory: URL

    /// The fixture graph, in `Graph/` format.
    static let fixtureGraph = Fixtures.directory.appendingPathComponent("graph")

    private init(port: Int, process: Process, directory: URL) {
        self.port = port
        self.process = process
        self.directory = directory
    }

    /// A graph with only the fixture's documents and vocabulary: a daemon with nothing else in it.
    static let emptyGraph = Fixtures.directory.appendingPathComponent("empty-graph")

    /// Starts a daemon on `graph` (requiring `token` for writes, if given) and waits (at most 30 s) for its
    /// listening line.
    static func start(graph: URL = fixtureGraph, token: String? = nil) async throws -> LiveDaemon {
        try await offCooperativePool { try self.startBlocking(graph: graph, token: token) }
    }

    private static func startBlocking(graph: URL, token: String?) throws -> LiveDaemon {
        guard let path = BuiltProducts.path("chronod") else {
            throw Failure("the chronod executable is not built")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chrono-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            [
                "--host", "127.0.0.1", "--port", "0", "--db", directory.appendingPathComponent("graph.sqlite").path,
                "--graph", graph.path,
            ] + (token.map { ["--token", $0] } ?? [])
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        guard let line = self.firstLine(of: stdout.fileHandleForReading, within: 30),
            line.hasPrefix("chronod listening on "), let port = line.split(separator: ":").last.flatMap({ Int($0) })
        else {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
            throw Failure("chronod did not print its listening line")
        }
        return LiveDaemon(port: port, process: process, directory: directory)
    }

    /// Runs `body` with a daemon started on `graph` (with `token`, if given), and stops it afterwards whatever
    /// happens.
    static func with<T>(
        graph: URL = fixtureGraph,
        token: String? = nil,
        _ body: (LiveDaemon) async throws -> T
    ) async throws -> T {
        let daemon = try await self.start(graph: graph, token: token)
        do {
            let result = try await body(daemon)
            await daemon.stop()
            return result
        } catch {
            await daemon.stop()
            throw error
        }
    }

    /// Stops the daemon by its PID and removes its database.
    func stop() async {
        _ = try? await offCooperativePool { self.stopBlocking() }
    }

    private func stopBlocking() {
        if self.process.isRunning {
            kill(self.process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(10)
            while self.process.isRunning && Date() < deadline {
                usleep(20_000)
            }
            if self.process.isRunning {
                kill(self.process.processIdentifier, SIGKILL)
            }
        }
        self.process.waitUntilExit()
        try? FileManager.default.removeItem(at: self.directory)
    }

    private static func firstLine(of handle: FileHandle, within seconds: Double) -> String? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var line: String?
        DispatchQueue.global().async {
            var bytes = Data()
            while true {
                let chunk = handle.readData(ofLength: 1)
                if chunk.isEmpty || chunk == Data("\n".utf8) { break }
                bytes.append(chunk)
            }
            line = String(decoding: bytes, as: UTF8.self)
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? line : nil
    }

    /// A daemon that could not be started.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
