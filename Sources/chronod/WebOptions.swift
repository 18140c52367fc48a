import ArgumentParser
import ChronoHTTP
import ChronoServer
import Foundation
import Logging

/// The options of chronod's HTTP side: the JSON gateway, `/metrics` and the reading room.
struct WebOptions: ParsableArguments {
    @Option(
        help: """
            Also serve HTTP on this port of the same host (0 for any free port): the JSON gateway, /metrics \
            and the reading room. Off unless given. Writes follow the same token rule as TCP.
            """
    )
    var httpPort: Int?

    @Option(
        help: """
            Folder of the research documents the citations point into; the reading room shows the cited lines \
            from it (read in place, never copied).
            """
    )
    var documents: String?

    func validate() throws {
        if let port = self.httpPort, !(0...65_535).contains(port) {
            throw ValidationError("--http-port must be between 0 and 65535, got \(port)")
        }
        if let documents = self.documents {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: documents, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw ValidationError("--documents \(documents): not a directory") }
        }
    }

    /// The HTTP server and the address it serves, when `--http-port` was given.
    func start(
        host: String,
        dispatcher: Dispatcher,
        metrics: MetricsRegistry,
        logger: Logger
    ) async throws -> (server: HTTPServer, url: String)? {
        guard let port = self.httpPort else { return nil }
        let configuration = HTTPConfiguration(documents: self.documents.map { URL(fileURLWithPath: $0) })
        let server = try await HTTPServer.start(
            host: host,
            port: port,
            dispatcher: dispatcher,
            metrics: metrics,
            configuration: configuration,
            logger: logger
        )
        let shown = host.contains(":") ? "[\(host)]" : host
        return (server, "http://\(shown):\(server.port)/")
    }
}
