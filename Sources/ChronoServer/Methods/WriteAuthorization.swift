public import ChronoProtocol
import NIOCore

/// Who may change the graph: with a daemon token, calls whose `metadata.authorization` equals it (compared
/// in constant time); without one, only clients on loopback.
public struct WriteAuthorization: Sendable {
    /// The daemon's token, if it was started with one.
    let token: String?

    /// Creates the policy for a daemon started with `token` (or none).
    public init(token: String?) {
        self.token = token
    }

    /// Refuses to serve a non-loopback `host` without a token: anyone who can reach it could write.
    /// - Throws: `FAILED_PRECONDITION` naming the host.
    public static func checkBinding(host: String, token: String?) throws(ChronoError) {
        guard token == nil, !SocketAddress.isLoopback(host: host) else { return }
        throw .failedPrecondition(
            "--host \(host) is not a loopback address: start chronod with --token (or CHRONO_TOKEN)"
        )
    }

    /// Checks the call's right to write.
    /// - Throws: `UNAUTHENTICATED` (missing or wrong token) or `PERMISSION_DENIED` (not loopback, no token).
    func check(_ context: CallContext) throws(ChronoError) {
        guard let token = self.token else {
            guard context.isLoopback else {
                throw .permissionDenied("writes are accepted only from loopback when the daemon has no token")
            }
            return
        }
        guard let given = context.metadata["authorization"] else {
            throw .unauthenticated("metadata.authorization: a token is required for writes")
        }
        guard Self.constantTimeEqual(Array(given.utf8), Array(token.utf8)) else {
            throw .unauthenticated("metadata.authorization: the token is not valid")
        }
    }

    /// Compares without an early exit, so the time taken does not reveal how much of a guess was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        // Lengths are compared whole: truncating them to a byte would let 256 extra NULs pass.
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : 0
            let right = index < b.count ? b[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
