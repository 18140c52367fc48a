import NIOConcurrencyHelpers

/// The bytes a connection owes its client: frames queued by the session and not yet handed to the socket.
///
/// The session reserves each frame before writing it; `ConnectionGuardHandler` releases the frame's bytes once
/// the socket has taken them. A client that does not read its replies makes the total grow until a
/// reservation is refused, and the session then closes the connection. Access is protected by its lock.
final class OutputBudget: Sendable {
    /// Most bytes that may be pending at once; one frame is always let through on a drained connection.
    let limit: Int
    private let pending = NIOLockedValueBox(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Reserves `bytes` for a frame about to be written; `false` (nothing reserved) when the bound would be passed.
    func reserve(_ bytes: Int) -> Bool {
        self.pending.withLockedValue { pending in
            guard pending == 0 || pending + bytes <= self.limit else { return false }
            pending += bytes
            return true
        }
    }

    /// Returns `bytes` of a frame the socket has taken (or that will never be written).
    func release(_ bytes: Int) {
        self.pending.withLockedValue { $0 = max(0, $0 - bytes) }
    }

    /// The bytes pending now.
    var pendingBytes: Int {
        self.pending.withLockedValue { $0 }
    }
}
