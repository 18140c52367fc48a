import ChronoTesting
import Foundation

/// The built `chronod`, started on 127.0.0.1 port 0 with a fresh database built from a fixture graph, and
/// stopped by its own PID with its database removed.
struct LiveDaemon: Sendable {
    /// The port the daemon listens on.
    var port: Int { self.daemon.port }
    private let daemon: Chronod
    private let directory: TemporaryDirectory

    /// The fixture graph, in `Graph/` format.
    static let fixtureGraph = Fixtures.directory.appendingPathComponent("graph")

    /// A graph with only the fixture's documents and vocabulary: a daemon with nothing else in it.
    static let emptyGraph = Fixtures.directory.appendingPathComponent("empty-graph")

    /// Starts a daemon on `graph` (requiring `token` for writes, if given; `arguments` added, such as TLS options)
    /// and waits for its listening line.
    static func start(
        graph: URL = fixtureGraph,
        token: String? = nil,
        arguments: [String] = []
    ) async throws -> LiveDaemon {
        let directory = try TemporaryDirectory(prefix: "chrono-cli-tests")
        do {
            let arguments =
                ["--db", directory.databasePath, "--graph", graph.path]
                + (token.map { ["--token", $0] } ?? []) + arguments
            return LiveDaemon(daemon: try await Chronod.start(arguments: arguments), directory: directory)
        } catch {
            directory.remove()
            throw error
        }
    }

    /// Runs `body` with a daemon started on `graph` (with `token`, if given, and `arguments`), and stops it
    /// afterwards whatever happens.
    static func with<T>(
        graph: URL = fixtureGraph,
        token: String? = nil,
        arguments: [String] = [],
        _ body: (LiveDaemon) async throws -> T
    ) async throws -> T {
        let daemon = try await self.start(graph: graph, token: token, arguments: arguments)
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
        await self.daemon.stop()
        self.directory.remove()
    }
}
