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
    /// How long a graph read may run on a connection's event loop before it is stopped and run again on a
    /// reader's queue (a read answered on the loop saves two thread hand-overs, but holds the loop's other
    /// connections up while it runs, and one stopped at the budget costs this much more: so only kinds of reads
    /// that are small next to it are tried, `QuickAttempts`); `.zero` sends every read to the queues.
    public var quickBudget: Duration

    /// Creates a configuration; the defaults are those documented in `Protocol/PROTOCOL.md`.
    public init(
        token: String? = nil,
        progressInterval: Duration = .seconds(1),
        queueFrames: Int = 256,
        queueBytes: Int = 8 * 1_048_576,
        quickBudget: Duration = .milliseconds(3)
    ) {
        self.token = token
        self.progressInterval = progressInterval
        self.queueFrames = queueFrames
        self.queueBytes = queueBytes
        self.quickBudget = quickBudget
    }
}
