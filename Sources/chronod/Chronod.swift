public import ArgumentParser
import ChronoHTTP
import ChronoProtocol
import ChronoServer
import ChronoStore
import ChronoTLS
import Foundation
import Logging

extension GraphConflictResolution: ExpressibleByArgument {}

/// `chronod`: serves the Chronograph graph over the protocol of `Protocol/PROTOCOL.md`.
@main
struct Chronod: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronod",
        abstract: "Serve the Chronograph graph over newline-delimited JSON on TCP or TLS.",
        discussion: """
            Prints one line, "chronod listening on HOST:PORT", once it accepts connections. \
            Stops gracefully on SIGINT or SIGTERM. Each option falls back to an environment variable. \
            Off loopback it needs a token, and TLS (--tls-cert, --tls-key) unless --insecure is given.
            """,
        version: "1.0.0"
    )

    @Option(help: "Address to listen on (env CHRONO_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "TCP port, 0 for any free port (env CHRONO_PORT; default 7701).")
    var port: Int?

    @OptionGroup var store: StoreOptions

    @Option(
        help: """
            Graph/ directory: a missing database (or an empty PostgreSQL one) is built from it, and a changed one \
            is applied to an existing SQLite database as one new revision on start (env CHRONO_GRAPH; default Graph).
            """
    )
    var graph: String?

    @Option(
        help: """
            When the graph directory and live writes changed the same records since the database last took the \
            directory in: 'graph' takes the directory's version, 'database' keeps the live one (default: refuse \
            to start and list them).
            """
    )
    var resolveGraphConflicts: GraphConflictResolution?

    @Option(help: "Token writes must carry in metadata.authorization (env CHRONO_TOKEN; required off loopback).")
    var token: String?

    @Option(help: "File holding the write token (its first line), kept out of the process list and the shell history.")
    var tokenFile: String?

    @Option(help: "PEM certificate chain (leaf first) to serve TLS with; needs --tls-key.")
    var tlsCert: String?

    @Option(help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(help: "PEM CA file: with it, every client must present a certificate this CA signed (mutual TLS).")
    var tlsClientCa: String?

    @Flag(help: "Allow plain TCP on a non-loopback --host: the token and all data cross the network in clear.")
    var insecure = false

    @Option(
        help: """
            Milliseconds a graph read may run on a connection's event loop before it is stopped and run on a reader \
            thread instead; kinds of reads that take over a third of it on average go to the reader threads at once; \
            0 sends every read there (default 3).
            """
    )
    var quickBudgetMs: Int?

    @Option(help: "Seconds a connection may stay silent before it is closed (default 300).")
    var idleTimeout: Int = 300

    @Option(help: "Seconds a request line may stay incomplete before the connection is closed (default 30).")
    var partialLineTimeout: Int = 30

    @OptionGroup var web: WebOptions

    func validate() throws {
        if let port = try self.resolvedPort(), !(0...65_535).contains(port) {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        try self.web.validate()
        if let budget = self.quickBudgetMs, !(0...1_000).contains(budget) {
            throw ValidationError("--quick-budget-ms must be between 0 and 1000, got \(budget)")
        }
        if self.token != nil, self.tokenFile != nil {
            throw ValidationError("--token and --token-file are exclusive: give one")
        }
        guard (self.tlsCert == nil) == (self.tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: give both or neither")
        }
        if self.tlsClientCa != nil, self.tlsCert == nil {
            throw ValidationError("--tls-client-ca needs --tls-cert and --tls-key")
        }
        guard self.idleTimeout > 0, self.partialLineTimeout > 0 else {
            throw ValidationError("--idle-timeout and --partial-line-timeout must be positive numbers of seconds")
        }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "chronod")
        let environment = ProcessInfo.processInfo.environment
        let host = self.host ?? environment["CHRONO_HOST"] ?? "127.0.0.1"
        let port = try self.resolvedPort() ?? 7701
        let storeChoice = try self.store.resolved(environment: environment)
        let graph = self.graph ?? environment["CHRONO_GRAPH"] ?? "Graph"
        let token = try self.resolvedToken(environment: environment)
        try WriteAuthorization.checkBinding(host: host, token: token)
        let tls = try self.loadedTLS()
        try TransportSecurity.checkBinding(host: host, tls: tls != nil, insecure: self.insecure)
        if tls == nil, self.insecure {
            logger.warning("--insecure: serving plain TCP; the token and all data cross the network in clear")
        }

        let backend = try await self.openBackend(storeChoice, graph: graph, logger: logger)
        let live = backend.service
        let metrics = MetricsRegistry()
        let dispatcher = Dispatcher.serving(
            live: live,
            configuration: LiveConfiguration(token: token, quickBudget: .milliseconds(self.quickBudgetMs ?? 3)),
            metrics: metrics.callMetrics
        )
        let server = try await ChronoServer.bind(
            host: host,
            port: port,
            dispatcher: dispatcher,
            configuration: ChronoServer.Configuration(
                idleTimeout: .seconds(self.idleTimeout),
                partialLineTimeout: .seconds(self.partialLineTimeout),
                tls: tls
            ),
            logger: logger
        )
        let signals = SignalHandler(signals: [SIGINT, SIGTERM]) { signal in
            logger.info("received signal \(signal); shutting down")
            Task { await server.close() }
        }
        let http = try await self.web.start(host: host, dispatcher: dispatcher, metrics: metrics, logger: logger)
        // One unbuffered write, so a script reading the pipe sees the line at once.
        FileHandle.standardOutput.write(Data("chronod listening on \(server.address)\n".utf8))
        if let http { FileHandle.standardOutput.write(Data("chronod reading room at \(http.url)\n".utf8)) }
        try await server.run()
        await http?.server.close()
        await backend.close()
        signals.cancel()
        logger.info("stopped")
    }

    private func resolvedPort() throws -> Int? {
        if let port = self.port { return port }
        guard let text = ProcessInfo.processInfo.environment["CHRONO_PORT"] else { return nil }
        guard let port = Int(text) else { throw ValidationError("CHRONO_PORT must be an integer, got \"\(text)\"") }
        return port
    }

    /// The TLS settings from `--tls-cert`, `--tls-key` and `--tls-client-ca`, or `nil` for plain TCP; a file that
    /// cannot be used stops the start with a message naming it and exit status 78 (configuration error).
    private func loadedTLS() throws -> TLSSettings? {
        guard let certificate = self.tlsCert, let key = self.tlsKey else { return nil }
        do {
            return try TLSSettings.server(certificate: certificate, key: key, clientCA: self.tlsClientCa)
        } catch {
            FileHandle.standardError.write(Data("chronod: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }

    /// The write token from `--token`, `--token-file` (its first line) or `CHRONO_TOKEN`; never logged.
    private func resolvedToken(environment: [String: String]) throws -> String? {
        guard let path = self.tokenFile else { return self.token ?? environment["CHRONO_TOKEN"] }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("--token-file \(path): cannot be read")
        }
        let token = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError("--token-file \(path): the first line is empty") }
        return trimmed
    }

    /// Opens the chosen backend: for SQLite, takes the file's one-writer lock, builds the database when missing
    /// and applies a changed graph directory; for PostgreSQL, migrates the schema, imports the graph into an empty
    /// database and connects.
    private func openBackend(_ choice: StoreChoice, graph: String, logger: Logger) async throws -> Backend {
        switch choice {
        case .sqlite(let database):
            let lock = try Self.lock(database: database, logger: logger)
            let store = try await Self.openStore(
                database: database,
                graph: graph,
                cacheBytes: self.store.cacheBytes,
                logger: logger
            )
            if self.store.prewarm {
                let started = ContinuousClock.now
                let read = try await store.prewarm()
                logger.info(
                    "prewarmed the readers",
                    metadata: [
                        "pages": "\(read.pages)", "trees": "\(read.trees)",
                        "elapsed_ms": "\((ContinuousClock.now - started).wholeMilliseconds)",
                    ]
                )
            }
            let live = LiveGraph(store: store, scratchDirectory: database + ".scratch")
            try await Self.takeGraphChanges(live, graph: graph, resolution: self.resolveGraphConflicts, logger: logger)
            return Backend(service: live) { withExtendedLifetime(lock) {} }
        case .postgres(let primary, let replica):
            return try await Self.openPostgres(
                primary: primary,
                replica: replica,
                graph: graph,
                cacheBytes: self.store.cacheBytes,
                logger: logger
            )
        }
    }

    /// Applies a changed graph directory to the database as one new revision (`LiveGraph.takeGraphChanges`), so
    /// a corrected `Graph/` is never served stale; a conflict with live writes stops the start with a message
    /// that names the records and the option that settles them.
    private static func takeGraphChanges(
        _ live: LiveGraph,
        graph: String,
        resolution: GraphConflictResolution?,
        logger: Logger
    ) async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: graph, isDirectory: &isDirectory), isDirectory.boolValue else {
            logger.info("no graph directory; serving the database as it is", metadata: ["graph": "\(graph)"])
            return
        }
        let update: GraphSourceUpdate
        do {
            update = try await live.takeGraphChanges(
                from: GraphLoader(directory: URL(fileURLWithPath: graph)),
                resolving: resolution
            )
        } catch let error as GraphSourceError {
            FileHandle.standardError.write(Data("chronod: \(error)\n".utf8))
            throw ExitCode(78)
        }
        guard update.folderChanged else { return }
        var metadata: Logger.Metadata = [
            "graph": "\(graph)", "kept_live_writes": "\(update.keptLiveWrites.count)",
            "settled": "\(update.settled.count)",
        ]
        if let report = update.report {
            metadata["revision"] = "\(report.revision)"
            metadata["inserted"] = "\(report.inserted)"
            metadata["updated"] = "\(report.updated)"
            metadata["deleted"] = "\(report.deleted)"
            logger.info(
                "the graph directory changed: its differences are committed as a new revision",
                metadata: metadata
            )
        } else {
            logger.info("the graph directory changed, but no record differs from the database", metadata: metadata)
        }
    }

    /// Takes the database's one-writer lock (creating its directory first), or exits 75 (`EX_TEMPFAIL`)
    /// naming the daemon that serves it.
    private static func lock(database: String, logger: Logger) throws -> DatabaseLock {
        let directory = URL(fileURLWithPath: database).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            return try DatabaseLock.acquire(database: database)
        } catch {
            logger.error("\(error)")
            throw ExitCode(75)
        }
    }

    /// Opens the database, building it from `graph` first when the file does not exist yet; the file
    /// appears only once the build is complete.
    private static func openStore(
        database: String,
        graph: String,
        cacheBytes: Int,
        logger: Logger
    ) async throws -> GraphStore {
        func open() async throws -> GraphStore {
            try await GraphStore.open(
                path: database,
                quickReaders: ChronoServer.defaultEventLoopCount,
                cacheBytes: cacheBytes
            )
        }
        guard !FileManager.default.fileExists(atPath: database) else { return try await open() }
        logger.info("building the database from the graph", metadata: ["db": "\(database)", "graph": "\(graph)"])
        let progress = ImportProgress(logger: logger)
        defer { progress.finish() }
        let report = try await GraphLoader(directory: URL(fileURLWithPath: graph)).build(
            database: database,
            progress: progress.report
        )
        progress.finish()
        logger.info("database built", metadata: ["records": "\(report.records)", "revision": "\(report.revision)"])
        return try await open()
    }
}
