import ChronoTesting
import Foundation

/// Runs a program to completion, feeding stdin and collecting stdout, stderr and the exit status.
enum ProcessRunner {
    /// Runs `path` with `arguments`; `environment` entries are added to (or override) the test's own.
    static func run(
        _ path: String,
        _ arguments: [String],
        input: String = "",
        environment: [String: String] = [:]
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let output = try await ChildProcess.run(
            path,
            arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
            input: Data(input.utf8)
        )
        return (output.status, output.stdout, output.stderr)
    }
}
