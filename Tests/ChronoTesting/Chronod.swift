import Foundation

/// The built `chronod`, run as a child process on 127.0.0.1 port 0 (stopped by its own PID only).
public struct Chronod: Sendable {
    /// The port it listens on, from its "chronod listening on HOST:PORT" line.
    public let port: Int
    /// The process.
    public let child: ChildProcess

    /// The executable built next to the test bundle.
    public static var executable: String {
        get throws {
            guard let path = BuiltProducts.path("chronod") else {
                throw ChildProcess.Failure(description: "the chronod executable is not built")
            }
            return path
        }
    }

    /// The test's environment without `CHRONO_*` variables, plus `environment`.
    public static func environment(_ environment: [String: String] = [:]) -> [String: String] {
        ProcessInfo.processInfo.environment
            .filter { !$0.key.hasPrefix("CHRONO_") }
            .merging(environment) { _, new in new }
    }

    /// Starts chronod with `arguments` after `--host 127.0.0.1 --port 0` and waits (at most 60 s) for its
    /// listening line.
    public static func start(arguments: [String], environment: [String: String] = [:]) async throws -> Chronod {
        let child = try ChildProcess.start(
            try Self.executable,
            ["--host", "127.0.0.1", "--port", "0"] + arguments,
            environment: Self.environment(environment)
        )
        let line = try await child.firstLine(within: .seconds(60))
        guard line.hasPrefix("chronod listening on "), let port = line.split(separator: ":").last.flatMap({ Int($0) })
        else {
            _ = await child.stop(SIGKILL)
            throw ChildProcess.Failure(description: "chronod printed \"\(line)\" instead of its listening line")
        }
        return Chronod(port: port, child: child)
    }

    /// Runs chronod with `arguments` and expects it to exit on its own (killed after 60 s).
    public static func refusal(
        arguments: [String],
        environment: [String: String] = [:]
    ) async throws -> ChildProcess.Output {
        try await ChildProcess.run(try Self.executable, arguments, environment: Self.environment(environment))
    }

    /// Stops it with SIGTERM (SIGKILL after 10 s) and returns its output.
    @discardableResult
    public func stop() async -> ChildProcess.Output {
        await self.child.stop()
    }
}
