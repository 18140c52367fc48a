import ChronoProtocol
import HTTPTypes

extension StatusCode {
    /// The HTTP status a call ending with this status is answered with (the mapping gRPC gateways use).
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .ok: .ok
        case .cancelled: .init(code: 499, reasonPhrase: "Client Closed Request")
        case .unknown, .internal, .dataLoss: .internalServerError
        case .invalidArgument, .failedPrecondition, .outOfRange: .badRequest
        case .deadlineExceeded: .gatewayTimeout
        case .notFound: .notFound
        case .alreadyExists, .aborted: .conflict
        case .permissionDenied: .forbidden
        case .resourceExhausted: .tooManyRequests
        case .unimplemented: .notImplemented
        case .unavailable: .serviceUnavailable
        case .unauthenticated: .unauthorized
        }
    }
}
