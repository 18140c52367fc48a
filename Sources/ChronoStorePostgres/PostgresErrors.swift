internal import ChronoProtocol
internal import ChronoStore
internal import PostgresNIO

extension QueryContext {
    /// Maps a PostgreSQL error to the domain: a cancelled statement (57014) to `cancelled` or
    /// `deadlineExceeded`, whichever stopped the call, a read-only transaction (25006) to `failedPrecondition`,
    /// a full disk (53100) to `resourceExhausted`, a lost connection to `unavailable`; other server errors
    /// become `PostgresServerError`.
    func translatePostgres(_ error: any Error) -> any Error {
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
        case "57P01", "57P02", "57P03":
            return ChronoError.unavailable("PostgreSQL closed the connection (a shutdown, restart or failover)")
        case "25006":
            return ChronoError.failedPrecondition("the database is read-only here (a replica?)")
        case "53100":
            return ChronoError.resourceExhausted("PostgreSQL's disk is full")
        default:
            return PostgresServerError(sqlState: state, message: error.serverInfo?[.message] ?? "")
        }
    }
}

/// Whether `error` means the connection is finished: the server ended the session (a FATAL or PANIC error, such as
/// `57P01` at a shutdown, restart or failover) or the connection broke. Nothing more may be sent on it: postgres-nio
/// may queue a statement sent after such an error and never answer it.
func endsSession(_ error: any Error) -> Bool {
    guard let error = error as? PSQLError else { return false }
    switch error.code {
    case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
        return true
    default:
        return ["FATAL", "PANIC"].contains(error.serverInfo?[.severity])
    }
}

/// An error the PostgreSQL server reported: its SQLSTATE and message (never the statement or its values).
package struct PostgresServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The five-character SQLSTATE, such as `23505` (unique violation).
    package var sqlState: String
    package var message: String

    package var description: String { "PostgreSQL error \(self.sqlState): \(self.message)" }
}
