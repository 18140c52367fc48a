/// Announces each commit's revision to whoever follows the graph (subscriptions).
///
/// Invariant: every commit after `listen()` returns reaches that listener, at least as its newest revision
/// (a slow listener may miss intermediate numbers, never the latest), so a result read at `latestRevision`
/// or later, after `listen()`, leaves no gap.
public protocol CommitSource: Sendable {
    /// A stream of committed revisions, starting with the first commit after this call returns.
    func listen() -> AsyncStream<Int64>

    /// The newest revision announced so far.
    var latestRevision: Int64 { get }

    /// Names the history the revisions belong to: it changes when the database behind them fails over (a
    /// replica promoted), after which revisions announced before may be lost, so a follower must resync rather
    /// than resume. Empty for a backend that cannot fail over.
    var epoch: String { get }
}

extension CommitSource {
    /// A backend that cannot fail over has one history.
    public var epoch: String { "" }
}
