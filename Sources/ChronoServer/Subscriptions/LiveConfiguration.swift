import ChronoProtocol

/// Settings of the live-graph methods: who may write and how subscriptions behave.
public struct LiveConfiguration: Sendable {
    /// The daemon's write token; `nil` means writes only from loopback clients.
    public var token: String?
    /// How often a quiet subscription sends a progress frame.
    public var progressInterval: Duration
    /// Most frames a subscription holds for a client that is slow to read.
    public var queueFrames: Int
    /// Most encoded bytes of change frames a subscription holds for a slow client.
    public var queueBytes: Int

    /// Creates a configuration; the defaults are those documented in `Protocol/PROTOCOL.md`.
    public init(
        token: String? = nil,
        progressInterval: Duration = .seconds(1),
        queueFrames: Int = 256,
        queueBytes: Int = 8 * 1_048_576
    ) {
        self.token = token
        self.progressInterval = progressInterval
        self.queueFrames = queueFrames
        self.queueBytes = queueBytes
    }
}
