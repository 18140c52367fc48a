public import ChronoServer
public import ChronoStore
import Logging

/// Starts a real `ChronoServer` for `dispatcher` on 127.0.0.1 port 0 with `configuration`, runs `body` with its
/// port, then shuts the server down gracefully, also when `body` throws.
public func withServer<Result: Sendable>(
    _ dispatcher: Dispatcher,
    configuration: ChronoServer.Configuration = ChronoServer.Configuration(),
    _ body: @Sendable (Int) async throws -> Result
) async throws -> Result {
    let server = try await ChronoServer.bind(
        host: "127.0.0.1",
        port: 0,
        dispatcher: dispatcher,
        configuration: configuration,
        logger: Logger(label: "chronod.test")
    )
    return try await server.serving(body)
}

/// `withServer` serving every method of `live` (reads, writes, history, snapshots, subscriptions) with
/// `liveConfiguration`; by default calls still running at shutdown get 200 ms.
public func withServer<Result: Sendable>(
    live: LiveGraph,
    liveConfiguration: LiveConfiguration = LiveConfiguration(),
    configuration: ChronoServer.Configuration = ChronoServer.Configuration(shutdownGracePeriod: .milliseconds(200)),
    _ body: @Sendable (Int) async throws -> Result
) async throws -> Result {
    try await withServer(
        .serving(live: live, configuration: liveConfiguration),
        configuration: configuration,
        body
    )
}
