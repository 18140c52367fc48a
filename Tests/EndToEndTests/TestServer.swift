import ChronoServer
import Logging

/// Starts a real server on 127.0.0.1 port 0 serving the synthetic graph, runs `body` against its port,
/// then shuts it down.
func withServer(
    configuration: ChronoServer.Configuration = .init(),
    _ body: @Sendable (Int) async throws -> Void
) async throws {
    let dispatcher = Dispatcher.serving(store: try await SyntheticGraph.store.value)
    let server = try await ChronoServer.bind(
        host: "127.0.0.1",
        port: 0,
        dispatcher: dispatcher,
        configuration: configuration,
        logger: Logger(label: "chronod.test")
    )
    try await server.serving(body)
}
