public import ChronoProtocol

extension StatusCode {
    /// The exit code `chrono` ends with for a call that ended with this status (sysexits.h families).
    ///
    /// | code | meaning | statuses |
    /// | --- | --- | --- |
    /// | 0 | success | OK |
    /// | 64 | usage | INVALID_ARGUMENT, OUT_OF_RANGE, ALREADY_EXISTS |
    /// | 66 | not found | NOT_FOUND |
    /// | 69 | unavailable | UNAVAILABLE, UNIMPLEMENTED |
    /// | 70 | internal | INTERNAL, UNKNOWN, DATA_LOSS, FAILED_PRECONDITION |
    /// | 75 | temporary failure | DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, CANCELLED |
    /// | 77 | permission | PERMISSION_DENIED, UNAUTHENTICATED |
    public var exitCode: Int32 {
        switch self {
        case .ok: 0
        case .invalidArgument, .outOfRange, .alreadyExists: 64
        case .notFound: 66
        case .unavailable, .unimplemented: 69
        case .internal, .unknown, .dataLoss, .failedPrecondition: 70
        case .deadlineExceeded, .resourceExhausted, .aborted, .cancelled: 75
        case .permissionDenied, .unauthenticated: 77
        }
    }
}
