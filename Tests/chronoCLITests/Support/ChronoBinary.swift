import ChronoTesting
import Foundation

/// Runs the built `chrono` executable against a port, with no terminal (so the default format is NDJSON).
enum ChronoBinary {
    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `chrono <arguments> --port <port>` with `input` on stdin; `environment` adds to or overrides the defaults.
    static func run(
        _ arguments: [String],
        port: Int,
        input: String = "",
        environment: [String: String] = [:]
    ) async throws -> Run {
        guard let path = BuiltProducts.path("chrono") else {
            throw ChildProcess.Failure(description: "the chrono executable is not built")
        }
        let output = try await ProcessRunner.run(
            path,
            arguments + ["--port", String(port)],
            input: input,
            environment: ["NO_COLOR": "1", "CHRONO_HOST": "", "CHRONO_TOKEN": ""].merging(environment) { $1 }
        )
        return Run(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }
}
