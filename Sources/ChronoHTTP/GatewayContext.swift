import ChronoServer
public import Hummingbird

/// The request context of the HTTP side: whether the client is on loopback (the write rule without a
/// token) and the body limit.
public struct GatewayContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Whether the client connected from a loopback address.
    public let isLoopback: Bool

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.isLoopback = source.channel.remoteAddress?.isLoopback ?? false
    }

    /// Bodies are collected by the gateway with its own limit (`HTTPConfiguration.maximumBodyBytes`).
    public var maxUploadSize: Int { Int.max }
}
