public import ChronoTLS

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
        /// How long a connection may stay silent (no byte read or written) before it is closed.
        public var idleTimeout: Duration
        /// How long a request line may stay incomplete (bytes without their newline) before the connection
        /// is closed.
        public var partialLineTimeout: Duration
        /// Most bytes of frames a connection may owe a client that does not read them; past it the connection
        /// is closed. One frame is always let through when nothing else is pending.
        public var maximumPendingOutputBytes: Int
        /// TLS for every connection, or `nil` for plain TCP. The TLS handler comes first in each pipeline, so the
        /// limits above apply to the decrypted bytes; a client that fails the handshake is closed.
        public var tls: TLSSettings?

        /// Creates a configuration; the defaults are the limits documented in `Protocol/PROTOCOL.md`.
        public init(
            maximumConnections: Int = 256,
            maximumCallsPerConnection: Int = 64,
            maximumResultBytes: Int = 16 * 1_048_576,
            shutdownGracePeriod: Duration = .seconds(5),
            idleTimeout: Duration = .seconds(300),
            partialLineTimeout: Duration = .seconds(30),
            maximumPendingOutputBytes: Int = 32 * 1_048_576,
            tls: TLSSettings? = nil
        ) {
            self.maximumConnections = maximumConnections
            self.maximumCallsPerConnection = maximumCallsPerConnection
            self.maximumResultBytes = maximumResultBytes
            self.shutdownGracePeriod = shutdownGracePeriod
            self.idleTimeout = idleTimeout
            self.partialLineTimeout = partialLineTimeout
            self.maximumPendingOutputBytes = maximumPendingOutputBytes
            self.tls = tls
        }
    }
}
