import ChronoServer
import ChronoStore
import Logging

/// Starts a real server for `live` on 127.0.0.1:0, runs `body` with its port, then shuts it down.
func withLiveServer(
    _ live: LiveGraph,
    configuration: LiveConfiguration = LiveConfiguration(progressInterval: .milliseconds(50)),
    _ body: @Sendable (Int) async throws -> Void
) async throws {
    let server = try await ChronoServer.bind(
        host: "127.0.0.1",
        port: 0,
        dispatcher: .serving(live: live, configuration: configuration),
        configuration: ChronoServer.Configuration(shutdownGracePeriod: .milliseconds(200)),
        logger: Logger(label: "chronod.live-test")
    )
    try await server.serving(body)
}
