/// An error as the client sees it: a status and a message that says what was wrong and where.
///
/// Messages name the offending field with a path (`params.from`) and never carry SQL or bound values.
public struct ChronoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status sent on the wire.
    public var code: StatusCode
    /// A sentence for a person, naming the field at fault where there is one.
    public var message: String

    /// Creates an error with the given status and message.
    public init(_ code: StatusCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(self.code.rawValue): \(self.message)" }
}

extension ChronoError {
    /// The request or one of its fields is malformed.
    public static func invalidArgument(_ message: String) -> ChronoError { .init(.invalidArgument, message) }
    /// The named thing does not exist.
    public static func notFound(_ message: String) -> ChronoError { .init(.notFound, message) }
    /// A limit (line length, budget, queue, connections) was hit.
    public static func resourceExhausted(_ message: String) -> ChronoError { .init(.resourceExhausted, message) }
    /// The system is not in a state that allows the call.
    public static func failedPrecondition(_ message: String) -> ChronoError { .init(.failedPrecondition, message) }
    /// The method does not exist.
    public static func unimplemented(_ message: String) -> ChronoError { .init(.unimplemented, message) }
    /// The call's deadline passed before it finished.
    public static func deadlineExceeded(_ message: String) -> ChronoError { .init(.deadlineExceeded, message) }
    /// The call was cancelled by the client or by shutdown.
    public static func cancelled(_ message: String) -> ChronoError { .init(.cancelled, message) }
    /// Stored data is unreadable or corrupt.
    public static func dataLoss(_ message: String) -> ChronoError { .init(.dataLoss, message) }
    /// The server is shutting down or cannot serve now.
    public static func unavailable(_ message: String) -> ChronoError { .init(.unavailable, message) }
    /// A value is outside the range the server can serve (e.g. a compacted revision).
    public static func outOfRange(_ message: String) -> ChronoError { .init(.outOfRange, message) }
    /// The caller lacks a valid token.
    public static func unauthenticated(_ message: String) -> ChronoError { .init(.unauthenticated, message) }
    /// The caller may not do this.
    public static func permissionDenied(_ message: String) -> ChronoError { .init(.permissionDenied, message) }
    /// A bug or unexpected failure; details are logged, never sent.
    public static func `internal`(_ message: String = "internal error") -> ChronoError { .init(.internal, message) }
}
