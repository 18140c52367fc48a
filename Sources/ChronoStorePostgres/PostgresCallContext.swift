internal import ChronoProtocol
internal import Foundation
internal import PostgresNIO

/// The cancellation flag and deadline of one call on a `PostgresConnectionWorker`; PostgreSQL's counterpart of
/// ChronoStore's `QueryContext`: the deadline becomes `statement_timeout`, and a statement the server cancelled
/// (SQLSTATE 57014) is reported as the reason it was cancelled.
///
/// `@unchecked Sendable`: `cancelled` is guarded by `lock`; `deadline` is immutable.
final class PostgresCallContext: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    let deadline: ContinuousClock.Instant?

    init(deadline: ContinuousClock.Instant?) {
        self.deadline = deadline
    }

    func cancel() {
        self.lock.withLock { self.cancelled = true }
    }

    var isCancelled: Bool { self.lock.withLock { self.cancelled } }

    var isExpired: Bool { self.deadline.map { ContinuousClock.now >= $0 } ?? false }

    /// Throws `cancelled` or `deadlineExceeded` when the call should stop now.
    func check() throws(ChronoError) {
        if self.isCancelled { throw .cancelled("the call was cancelled") }
        if self.isExpired { throw .deadlineExceeded("the deadline passed before the query finished") }
    }

    /// The time left before the deadline in whole milliseconds, at least 1 (`statement_timeout = 0` would mean
    /// no limit); nil without a deadline.
    var remainingMilliseconds: Int64? {
        guard let deadline = self.deadline else { return nil }
        let left = ContinuousClock.now.duration(to: deadline).components
        return max(1, left.seconds * 1_000 + left.attoseconds / 1_000_000_000_000_000)
    }

    /// Maps a PostgreSQL error to the domain: a cancelled statement (57014) to `cancelled` or
    /// `deadlineExceeded`, a read-only transaction (25006) to `failedPrecondition`, a full disk (53100) to
    /// `resourceExhausted`, a lost connection to `unavailable`; other server errors become `PostgresServerError`.
    func translate(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        guard let state = error.serverInfo?[.sqlState] else {
            switch error.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError:
                return ChronoError.unavailable("the connection to PostgreSQL was lost")
            default:
                return error
            }
        }
        switch state {
        case "57014":
            if self.isCancelled { return ChronoError.cancelled("the call was cancelled") }
            if self.deadline != nil {
                return ChronoError.deadlineExceeded("the deadline passed before the query finished")
            }
            return ChronoError.cancelled("PostgreSQL cancelled the statement")
        case "25006":
            return ChronoError.failedPrecondition("the database is read-only here (a replica?)")
        case "53100":
            return ChronoError.resourceExhausted("PostgreSQL's disk is full")
        default:
            return PostgresServerError(sqlState: state, message: error.serverInfo?[.message] ?? "")
        }
    }
}

/// An error the PostgreSQL server reported: its SQLSTATE and message (never the statement or its values).
package struct PostgresServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The five-character SQLSTATE, such as `23505` (unique violation).
    package var sqlState: String
    package var message: String

    package var description: String { "PostgreSQL error \(self.sqlState): \(self.message)" }
}
