import ChronoServer
import ChronoStore
import ChronoTLS
import Foundation
import Logging

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
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chronograph-badinput-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await GraphStore.open(path: directory.appendingPathComponent("graph.sqlite").path)
        try await GraphLoader(directory: BadInputCorpus.graph).load(into: store)
        let server = try await ChronoServer.bind(
            host: "127.0.0.1",
            port: 0,
            dispatcher: Dispatcher.serving(store: store),
            configuration: configuration,
            logger: Logger(label: "chronod.badinput")
        )
        try await server.serving(body)
    }
}
