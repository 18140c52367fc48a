extension ChronoServer {
    /// The server's limits. Each is answered with a status and a message when hit, never a crash.
    public struct Configuration: Sendable {
        /// Most open connections; one more gets a `RESOURCE_EXHAUSTED` frame and is closed.
        public var maximumConnections: Int
        /// Most calls in flight on one connection; one more is answered `RESOURCE_EXHAUSTED`.
        public var maximumCallsPerConnection: Int
        /// Largest frame (a result or a data frame) in bytes; a larger answer is `RESOURCE_EXHAUSTED`.
        public var maximumResultBytes: Int
        /// How long a shutdown waits for calls in flight before ending them with `UNAVAILABLE`.
        public var shutdownGracePeriod: Duration

        /// Creates a configuration; the defaults are the limits documented in `Protocol/PROTOCOL.md`.
        public init(
            maximumConnections: Int = 256,
            maximumCallsPerConnection: Int = 64,
            maximumResultBytes: Int = 16 * 1_048_576,
            shutdownGracePeriod: Duration = .seconds(5)
        ) {
            self.maximumConnections = maximumConnections
            self.maximumCallsPerConnection = maximumCallsPerConnection
            self.maximumResultBytes = maximumResultBytes
            self.shutdownGracePeriod = shutdownGracePeriod
        }
    }
}
