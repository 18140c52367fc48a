import ChronoProtocol

/// Settings of the live-graph methods: who may write, how long a read may hold an event loop and how
/// subscriptions behave.
public struct LiveConfiguration: Sendable {
    /// The daemon's write token; `nil` means writes only from loopback clients.
    public var token: String?
    /// How often a quiet subscription sends a progress frame.
    public var progressInterval: Duration
    /// Most frames a subscription holds for a client that is slow to read.
    public var queueFrames: Int
    /// Most encoded bytes of change frames a subscription holds for a slow client.
    public var queueBytes: Int
    /// How long a graph read may run on a connection's event loop before it is stopped and handed to a reader's
    /// queue instead (a read answered there saves two thread hand-overs; one that runs longer holds the loop's
    /// other connections up to this long, then costs this much more); `.zero` hands every read over.
    public var quickBudget: Duration

    /// Creates a configuration; the defaults are those documented in `Protocol/PROTOCOL.md`.
    public init(
        token: String? = nil,
        progressInterval: Duration = .seconds(1),
        queueFrames: Int = 256,
        queueBytes: Int = 8 * 1_048_576,
        quickBudget: Duration = .milliseconds(1)
    ) {
        self.token = token
        self.progressInterval = progressInterval
        self.queueFrames = queueFrames
        self.queueBytes = queueBytes
        self.quickBudget = quickBudget
    }
}
