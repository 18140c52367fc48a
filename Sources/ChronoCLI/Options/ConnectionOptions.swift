public import ArgumentParser
import Foundation

/// `--host`, `--port`, `--deadline` and `--token`, accepted by every command.
///
/// Each falls back to the environment (`CHRONO_HOST`, `CHRONO_PORT`, `CHRONO_TOKEN`), as `chronod` does.
public struct ConnectionOptions: ParsableArguments, Sendable {
    /// The default daemon port.
    public static let defaultPort = 7701

    /// The host asked for, if any.
    @Option(help: ArgumentHelp("Daemon host (env CHRONO_HOST, default 127.0.0.1).", valueName: "host"))
    public var host: String?

    /// The port asked for, if any.
    @Option(help: ArgumentHelp("Daemon port (env CHRONO_PORT, default 7701).", valueName: "port"))
    public var port: Int?

    /// The deadline asked for, if any.
    @Option(
        help: ArgumentHelp(
            "Deadline for the call: milliseconds or a duration like 5s (default 30s).",
            valueName: "time"
        ),
        transform: { text in try DeadlineValue(parsing: text) }
    )
    public var deadline: DeadlineValue?

    /// The token asked for, if any.
    @Option(help: ArgumentHelp("Bearer token sent with each call (env CHRONO_TOKEN).", valueName: "token"))
    public var token: String?

    /// Creates the options with nothing given.
    public init() {}

    /// Checks the port (flag or `CHRONO_PORT`) and host before any I/O.
    public func validate() throws {
        _ = try self.endpoint(environment: ProcessInfo.processInfo.environment)
    }

    /// Where to connect and what to send, with environment fallbacks applied and checked.
    public func endpoint(environment: [String: String]) throws -> Endpoint {
        let host = self.host ?? environment["CHRONO_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        var port = Self.defaultPort
        if let given = self.port {
            port = given
        } else if let text = environment["CHRONO_PORT"], !text.isEmpty {
            guard let value = Int(text) else {
                throw ValidationError("CHRONO_PORT: expected a port number, got \"\(text)\"")
            }
            port = value
        }
        guard (1...65535).contains(port) else {
            throw ValidationError("--port: \(port) is not a port number (1-65535)")
        }
        guard !host.isEmpty else {
            throw ValidationError("--host: the host name is empty")
        }
        let token = self.token ?? environment["CHRONO_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return Endpoint(host: host, port: port, deadline: self.deadline ?? .standard, token: token)
    }
}

/// A resolved connection: host, port, deadline and optional token.
public struct Endpoint: Sendable, Hashable {
    /// The daemon's host.
    public var host: String
    /// The daemon's port.
    public var port: Int
    /// The deadline of each call.
    public var deadline: DeadlineValue
    /// The bearer token, if any.
    public var token: String?

    /// The request metadata: `authorization: Bearer <token>` when there is a token.
    public var metadata: [String: String] {
        self.token.map { ["authorization": "Bearer \($0)"] } ?? [:]
    }
}
