import ChronoServer
import ChronoStore
import ChronoTLS
import ChronoTesting

/// A real `ChronoServer` on 127.0.0.1 port 0 serving the core fixture graph from a fresh temporary database.
enum CorpusServer {
    /// Starts the server (speaking only TLS when `tls` is given, with `configuration`'s other limits), runs `body`
    /// with its port, then shuts it down and removes the database.
    static func with(
        tls: TLSSettings? = nil,
        configuration: ChronoServer.Configuration = ChronoServer.Configuration(),
        _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        var configuration = configuration
        configuration.tls = tls
        let directory = try TemporaryDirectory(prefix: "chronograph-badinput")
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: BadInputCorpus.graph).load(into: store)
        try await withServer(.serving(store: store), configuration: configuration, body)
    }
}
