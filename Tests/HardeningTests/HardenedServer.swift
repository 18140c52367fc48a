import ChronoServer
import ChronoStore
import Logging

/// Starts a real server for `live` on 127.0.0.1 port 0 with `configuration`, runs `body` with its port,
/// then shuts it down.
func withHardenedServer(
    _ live: LiveGraph,
    configuration: ChronoServer.Configuration = ChronoServer.Configuration(shutdownGracePeriod: .milliseconds(200)),
    live liveConfiguration: LiveConfiguration = LiveConfiguration(),
    _ body: @Sendable (Int) async throws -> Void
) async throws {
    let server = try await ChronoServer.bind(
        host: "127.0.0.1",
        port: 0,
        dispatcher: .serving(live: live, configuration: liveConfiguration),
        configuration: configuration,
        logger: Logger(label: "chronod.hardening-test")
    )
    try await server.serving(body)
}
