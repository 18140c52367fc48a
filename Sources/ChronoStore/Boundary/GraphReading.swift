public import ChronoGraph

/// The read side of a graph backend, as the server talks to it: every query through one entry point.
///
/// A reader answers from one consistent snapshot per call, interrupts the work once `deadline` passes or the
/// task is cancelled (`ChronoError.deadlineExceeded`, `.cancelled`), and stamps each result with the
/// revision it was read at. `GraphStore` (SQLite) is one; a store unpacked from a snapshot or rebuilt at a past
/// revision is another of the same type.
public protocol GraphReading: Sendable {
    /// Answers `query` from one read snapshot.
    func run<Query: GraphQuery>(_ query: Query, deadline: ContinuousClock.Instant?) async throws -> Query.Result

    /// The change log after `revision`, oldest first, at most `limit` entries.
    func changes(after revision: Int64, limit: Int, deadline: ContinuousClock.Instant?) async throws -> [GraphChange]

    /// The revision of the newest commit this reader has seen, without a round trip.
    var latestRevision: Int64 { get }

    /// An executor on which reads run without a hand-over between threads, when the backend has one
    /// (SQLite's reader queues); a call that prefers it runs its own code there too.
    func readExecutor() -> (any TaskExecutor)?

    /// Answers `query` at once on the calling thread when the backend can and the answer is ready before
    /// `budget` passes, so a server's event loop answers a small query without handing it to another thread;
    /// `nil` when it cannot (the caller then uses `run`, which sees the same data). Throws what `run` would.
    func answerAtOnce<Query: GraphQuery>(
        _ query: Query,
        budget: Duration,
        deadline: ContinuousClock.Instant?
    ) throws -> Query.Result?
}
