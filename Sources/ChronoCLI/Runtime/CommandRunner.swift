import ArgumentParser
public import ChronoProtocol
import Foundation

/// Runs one call for a command: connect, call, present, write; failures go to stderr with their exit code.
public struct CommandRunner: Sendable {
    /// The connection options of the command.
    public var connection: ConnectionOptions
    /// The output options of the command.
    public var output: OutputOptions
    /// The process environment.
    public var environment: [String: String]

    /// Creates a runner for a command's options.
    public init(connection: ConnectionOptions, output: OutputOptions) {
        self.connection = connection
        self.output = output
        self.environment = ProcessInfo.processInfo.environment
    }

    /// Calls `method` and writes `present(result)` in the chosen format.
    /// - Throws: `ExitCode` after printing the failure on stderr.
    public func run(
        _ method: MethodName,
        params: [String: JSONValue],
        present: @Sendable (JSONValue) throws -> Presentation
    ) async throws {
        try await self.run(method, prepare: { params }, present: present)
    }

    /// Calls `method` with the params `prepare` builds (reading files, say) and writes `present(result)`.
    ///
    /// A `CLIFailure` thrown by `prepare` is reported like the call's own failures, before connecting.
    /// - Throws: `ExitCode` after printing the failure on stderr.
    public func run(
        _ method: MethodName,
        prepare: () throws -> [String: JSONValue],
        present: @Sendable (JSONValue) throws -> Presentation
    ) async throws {
        try await self.guarding { terminal in
            let params = try prepare()
            let reply = try await self.connected { try await $0.call(method, params: params) }
            try self.emit(try present(reply.result), terminal: terminal)
        }
    }

    /// Runs `body` on a connection made with the command's endpoint, closed afterwards whatever `body` does.
    func connected<T>(_ body: (DaemonConnection) async throws -> T) async throws -> T {
        let connection = try await self.open()
        let value: T
        do {
            value = try await body(connection)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        return value
    }

    /// Writes a presentation in the chosen format on stdout, and its notes on stderr.
    func emit(_ presentation: Presentation, terminal: Terminal) throws {
        let (text, notes) = try OutputWriter.render(
            presentation,
            as: self.output.resolved(for: terminal),
            terminal: terminal
        )
        Self.write(text)
        for note in notes {
            Self.writeError("chrono: \(note)")
        }
    }

    /// Connects with the command's endpoint.
    func open() async throws(CLIFailure) -> DaemonConnection {
        let endpoint: Endpoint
        do {
            endpoint = try self.connection.endpoint(environment: self.environment)
        } catch {
            throw CLIFailure(.invalidArgument, String(describing: error))
        }
        return try await DaemonConnection.open(endpoint)
    }

    /// Runs `body`, turning a `CLIFailure` into its stderr report and exit code.
    func guarding(_ body: (Terminal) async throws -> Void) async throws {
        let terminal = Terminal.current(environment: self.environment)
        do {
            try await body(terminal)
        } catch let failure as CLIFailure {
            Self.report(failure)
            throw ExitCode(failure.exitCode)
        } catch {
            let failure = CLIFailure(.internal, String(describing: error))
            Self.report(failure)
            throw ExitCode(failure.exitCode)
        }
    }

    /// Prints a failure: `chrono: <STATUS>: <message>`, then the candidates of an ambiguous name.
    static func report(_ failure: CLIFailure) {
        var lines = ["chrono: \(failure.description)"]
        if !failure.candidates.isEmpty {
            lines.append(
                failure.status == .notFound
                    ? "chrono: did you mean one of these?"
                    : "chrono: the name matches several entities; use one of these ids:"
            )
            let table = Table(
                columns: [.init("ID", wraps: false), .init("KIND", wraps: false), .init("NAME")],
                rows: failure.candidates.map { [$0.text("id"), $0.text("kind"), $0.text("name")] }
            )
            let rendered = TableRenderer(width: 200, colour: false).render(table)
            lines.append(contentsOf: rendered.split(separator: "\n").map { "  " + $0 })
        }
        self.writeError(lines.joined(separator: "\n"))
    }

    /// Writes text to stdout as it is.
    static func write(_ text: String) {
        StandardStreams.out(text)
    }

    /// Writes one line to stderr.
    static func writeError(_ line: String) {
        StandardStreams.error(line + "\n")
    }
}
