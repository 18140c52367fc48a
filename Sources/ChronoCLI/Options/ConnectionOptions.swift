public import ArgumentParser
import Foundation

/// `--host`, `--port`, `--deadline`, `--token` and the TLS options, accepted by every command.
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
    @Option(
        help: ArgumentHelp(
            "Token sent with each call; writes need it when chronod has one (env CHRONO_TOKEN).",
            valueName: "token"
        )
    )
    public var token: String?

    /// Whether to speak TLS (implied by the other `--tls-*` options).
    @Flag(help: "Speak TLS to the daemon, trusting the system's CAs unless --tls-ca names one.")
    public var tls = false

    /// The CA that signed the daemon's certificate, if given.
    @Option(
        name: .customLong("tls-ca"),
        help: ArgumentHelp("PEM file of the CA that signed the daemon's certificate; implies --tls.", valueName: "file")
    )
    public var tlsCA: String?

    /// The client certificate for mutual TLS, if given.
    @Option(help: ArgumentHelp("PEM client certificate, for a daemon started with --tls-client-ca.", valueName: "file"))
    public var tlsCert: String?

    /// The key of the client certificate, if given.
    @Option(help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "file"))
    public var tlsKey: String?

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
        guard (self.tlsCert == nil) == (self.tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: give both or neither")
        }
        let wantsTLS = self.tls || self.tlsCA != nil || self.tlsCert != nil
        let tls = wantsTLS ? ClientTLS(trustedCA: self.tlsCA, certificate: self.tlsCert, key: self.tlsKey) : nil
        return Endpoint(host: host, port: port, deadline: self.deadline ?? .standard, token: token, tls: tls)
    }
}

/// TLS asked for on the command line: the PEM files named, read when the connection opens.
public struct ClientTLS: Sendable, Hashable {
    /// The CA to verify the daemon's certificate with; `nil` trusts the system's CAs.
    public var trustedCA: String?
    /// The client certificate for mutual TLS, with its key.
    public var certificate: String?
    /// The private key of `certificate`.
    public var key: String?
}

/// A resolved connection: host, port, deadline, optional token and optional TLS.
public struct Endpoint: Sendable, Hashable {
    /// The daemon's host.
    public var host: String
    /// The daemon's port.
    public var port: Int
    /// The deadline of each call.
    public var deadline: DeadlineValue
    /// The bearer token, if any.
    public var token: String?
    /// TLS, or `nil` for plain TCP.
    public var tls: ClientTLS? = nil

    /// The request metadata: `authorization: <token>` when there is a token, as `chronod --token` expects.
    public var metadata: [String: String] {
        self.token.map { ["authorization": $0] } ?? [:]
    }
}
