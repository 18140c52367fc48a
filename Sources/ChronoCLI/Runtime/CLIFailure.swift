public import ChronoProtocol

/// A failed command: what `chrono` prints on stderr and the status that picks its exit code.
public struct CLIFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status family of the failure; it decides the exit code.
    public var status: StatusCode
    /// The server's (or the CLI's) sentence about what went wrong.
    public var message: String
    /// Entities an ambiguous name could mean (`details.candidates`), each an `EntityRef`.
    public var candidates: [JSONValue]
    /// A full sentence shown instead of `<STATUS>: <message>` (used for connection failures).
    public var sentence: String?

    /// Creates a failure with a status and a message.
    public init(_ status: StatusCode, _ message: String, candidates: [JSONValue] = [], sentence: String? = nil) {
        self.status = status
        self.message = message
        self.candidates = candidates
        self.sentence = sentence
    }

    /// The line printed on stderr after `chrono: `.
    public var description: String {
        self.sentence ?? "\(self.status.rawValue): \(self.message)"
    }

    /// The process exit code for this failure.
    public var exitCode: Int32 { self.status.exitCode }
}

extension CLIFailure {
    /// The failure for a daemon that cannot be reached, in one sentence.
    public static func unreachable(host: String, port: Int, reason: String) -> CLIFailure {
        CLIFailure(
            .unavailable,
            reason,
            sentence: "cannot reach chronod at \(host):\(port) — is it running? (\(reason))"
        )
    }

    /// The failure for a daemon that was reached but whose TLS handshake failed, in one sentence.
    public static func handshakeFailed(host: String, port: Int, reason: String) -> CLIFailure {
        CLIFailure(.unavailable, reason, sentence: "TLS handshake with chronod at \(host):\(port) failed (\(reason))")
    }
}
