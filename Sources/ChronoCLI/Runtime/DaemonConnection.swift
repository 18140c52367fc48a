import ChronoClient
public import ChronoProtocol
import ChronoTLS

/// One connection to `chronod` for one command: every failure comes back as a `CLIFailure`.
public struct DaemonConnection: Sendable {
    /// How long past the deadline the CLI waits for the daemon's own DEADLINE_EXCEEDED before giving up.
    static let grace: Duration = .seconds(2)

    private let client: ChronoClient
    private let endpoint: Endpoint

    /// Connects to the endpoint; a refused or failed connection becomes an UNAVAILABLE failure in one sentence,
    /// and a TLS file that cannot be used an INVALID_ARGUMENT one, before any connection is made.
    public static func open(_ endpoint: Endpoint) async throws(CLIFailure) -> DaemonConnection {
        let tls = try Self.settings(endpoint.tls)
        do {
            let client = try await ChronoClient.connect(host: endpoint.host, port: endpoint.port, tls: tls)
            return DaemonConnection(client: client, endpoint: endpoint)
        } catch {
            let reason = Self.reason(for: error)
            // A socket failure has a known reason; anything else on a TLS connection failed in the handshake.
            guard tls == nil || reason != Self.unknownReason else {
                throw .handshakeFailed(host: endpoint.host, port: endpoint.port, reason: Self.tlsReason(for: error))
            }
            throw .unreachable(host: endpoint.host, port: endpoint.port, reason: reason)
        }
    }

    private static func settings(_ tls: ClientTLS?) throws(CLIFailure) -> TLSSettings? {
        guard let tls else { return nil }
        do {
            return try TLSSettings.client(trustedCA: tls.trustedCA, certificate: tls.certificate, key: tls.key)
        } catch {
            throw CLIFailure(.invalidArgument, error.description, sentence: error.description)
        }
    }

    /// The deadline of each call, from `--deadline` or its default.
    public var deadline: Duration {
        .milliseconds(self.endpoint.deadline.milliseconds)
    }

    /// Calls a unary method and returns its result and revision, or throws the call's failure.
    public func call(_ method: MethodName, params: [String: JSONValue]) async throws(CLIFailure) -> Reply {
        let deadline = self.deadline
        let client = self.client
        let metadata = self.endpoint.metadata
        let response: Response
        do {
            response = try await Self.withLocalTimeout(deadline + Self.grace) {
                try await client.call(method, params: params, deadline: deadline, metadata: metadata)
            }
        } catch {
            throw self.failure(for: error)
        }
        return try Self.reply(from: response)
    }

    /// Calls a streaming method, handing each data frame's `data` to `body` until the terminal frame.
    ///
    /// `body` returns `false` to stop early, which cancels the call on the daemon.
    /// Returns the terminal frame's reply, or `nil` when `body` stopped the stream.
    public func stream(
        _ method: String,
        params: [String: JSONValue],
        deadline: Duration?,
        body: (JSONValue) throws -> Bool
    ) async throws -> Reply? {
        let frames = self.client.stream(
            method: method,
            params: params,
            deadline: deadline,
            metadata: self.endpoint.metadata
        )
        do {
            for try await frame in frames {
                switch frame {
                case .data(let data):
                    guard try body(data.data) else { return nil }
                case .terminal(let response):
                    return try Self.reply(from: response)
                }
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw self.failure(for: error)
        }
        throw CLIFailure(.unavailable, "the stream ended without a terminal frame")
    }

    /// Closes the connection.
    public func close() async {
        try? await self.client.close()
    }

    private init(client: ChronoClient, endpoint: Endpoint) {
        self.client = client
        self.endpoint = endpoint
    }

    private static func reply(from response: Response) throws(CLIFailure) -> Reply {
        guard response.status == .ok else {
            let candidates = (response.details?["candidates"] ?? response.details?["suggestions"])?.arrayValue ?? []
            throw CLIFailure(response.status, response.message ?? "", candidates: candidates)
        }
        return Reply(result: response.result ?? .object([:]), revision: response.revision)
    }

    private func failure(for error: any Error) -> CLIFailure {
        if let failure = error as? CLIFailure {
            return failure
        }
        if let error = error as? ChronoError {
            return CLIFailure(error.code, error.message)
        }
        return CLIFailure(.unavailable, "connection to \(self.endpoint.host):\(self.endpoint.port) failed")
    }

    private static let unknownReason = "connection failed"

    /// A short reason for a failed connection, taken from the socket error's text.
    static func reason(for error: any Error) -> String {
        let text = String(describing: error).lowercased()
        let known = [
            ("refused", "connection refused"),
            ("timed out", "connection timed out"),
            ("unreachable", "network unreachable"),
            ("resolve", "host name not found"),
            ("dns", "host name not found"),
        ]
        return known.first { text.contains($0.0) }?.1 ?? Self.unknownReason
    }

    /// A short reason for a failed TLS handshake, taken from the TLS library's error text.
    static func tlsReason(for error: any Error) -> String {
        let text = String(describing: error).uppercased()
        let known = [
            ("CERTIFICATE_VERIFY_FAILED", "the daemon's certificate is not trusted: see --tls-ca"),
            ("WRONG_VERSION_NUMBER", "the daemon does not speak TLS"),
            ("CERTIFICATE_REQUIRED", "the daemon requires a client certificate: see --tls-cert"),
            ("HANDSHAKE_FAILURE", "the daemon refused the handshake"),
        ]
        return known.first { text.contains($0.0) }?.1 ?? "the TLS handshake failed"
    }

    /// Runs `operation`, failing with DEADLINE_EXCEEDED if it has not finished within `limit`.
    ///
    /// The operation is not awaited after the limit: a daemon that never answers must not hold the CLI, and
    /// `ChronoClient` only ends a cancelled call when the daemon confirms it.
    private static func withLocalTimeout<T: Sendable>(
        _ limit: Duration,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = FirstOutcome<T>()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.attach(continuation)
            let work = Task {
                do {
                    outcome.resolve(.success(try await operation()))
                } catch {
                    outcome.resolve(.failure(error))
                }
            }
            let timer = Task {
                try await Task.sleep(for: limit)
                outcome.resolve(.failure(CLIFailure(.deadlineExceeded, "no answer from chronod within the deadline")))
                work.cancel()
            }
            outcome.onResolve { timer.cancel() }
        }
    }
}

/// A successful call's result and the graph revision it was computed at.
public struct Reply: Sendable, Hashable {
    /// The result object.
    public var result: JSONValue
    /// The graph revision.
    public var revision: Int64
}
