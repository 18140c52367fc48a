package import ChronoProtocol
internal import Foundation

/// The cancellation flag and deadline of one store call, checked by SQLite's progress handler, by traversal
/// loops in Swift and, for PostgreSQL, before each statement (the deadline also becomes `statement_timeout`).
///
/// `@unchecked Sendable`: `cancelled` is guarded by `lock`; `deadline` is immutable.
package final class QueryContext: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    package let deadline: ContinuousClock.Instant?

    package init(deadline: ContinuousClock.Instant?) {
        self.deadline = deadline
    }

    package func cancel() {
        self.lock.withLock { self.cancelled = true }
    }

    package var isCancelled: Bool { self.lock.withLock { self.cancelled } }

    package var isExpired: Bool { self.deadline.map { ContinuousClock.now >= $0 } ?? false }

    /// The time left before the deadline in whole milliseconds, at least 1 (so a server's timeout of 0, "no
    /// limit", is never asked for); `nil` without a deadline.
    package var remainingMilliseconds: Int64? {
        guard let deadline = self.deadline else { return nil }
        let left = ContinuousClock.now.duration(to: deadline).components
        return max(1, left.seconds * 1_000 + left.attoseconds / 1_000_000_000_000_000)
    }

    /// Whether the call should stop now.
    package var shouldStop: Bool { self.isCancelled || self.isExpired }

    /// Throws `cancelled` or `deadlineExceeded` when the call should stop.
    package func check() throws(ChronoError) {
        if self.isCancelled { throw .cancelled("the call was cancelled") }
        if self.isExpired { throw .deadlineExceeded("the deadline passed before the query finished") }
    }

    /// Maps an interrupted SQLite statement to the reason it was interrupted; other errors pass through.
    func translate(_ error: any Error) -> any Error {
        guard let sqlite = error as? SQLiteError, sqlite.primaryCode == SQLiteError.interrupt else { return error }
        if self.isCancelled { return ChronoError.cancelled("the call was cancelled") }
        if self.isExpired { return ChronoError.deadlineExceeded("the deadline passed before the query finished") }
        return error
    }
}
