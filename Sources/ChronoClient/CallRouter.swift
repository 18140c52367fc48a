import ChronoProtocol
import NIOConcurrencyHelpers

/// The calls of one connection waiting for frames, keyed by request id.
///
/// Access to the table is protected by its lock; continuations are resumed outside it.
final class CallRouter: Sendable {
    /// Where the frames of one call go.
    enum Pending {
        case unary(CheckedContinuation<Response, any Error>)
        case stream(AsyncThrowingStream<Frame, any Error>.Continuation)
        case discard
    }

    private struct State {
        var counter: Int64 = 0
        var pending: [RequestID: Pending] = [:]
        var closedError: ChronoError?
        var connectionError: ChronoError?
    }

    private let state = NIOLockedValueBox(State())

    /// A fresh id for a new call.
    func nextID() -> RequestID {
        self.state.withLockedValue { state in
            state.counter += 1
            return .int(state.counter)
        }
    }

    /// Starts waiting for the frames of call `id`; fails at once if the connection is closed.
    func register(_ id: RequestID, _ pending: Pending) {
        let closed: ChronoError? = self.state.withLockedValue { state in
            if let error = state.closedError { return error }
            state.pending[id] = pending
            return nil
        }
        if let closed { Self.finish(pending, with: closed) }
    }

    /// Stops waiting for call `id`; returns whether it was still waiting.
    func remove(_ id: RequestID) -> Bool {
        self.state.withLockedValue { $0.pending.removeValue(forKey: id) != nil }
    }

    /// Fails call `id` with `error`.
    func fail(_ id: RequestID, _ error: ChronoError) {
        if let pending = self.state.withLockedValue({ $0.pending.removeValue(forKey: id) }) {
            Self.finish(pending, with: error)
        }
    }

    /// Delivers one frame to its call.
    func deliver(_ frame: Frame) {
        guard let id = frame.id else {
            if case .terminal(let response) = frame, let error = response.error {
                self.state.withLockedValue { $0.connectionError = error }
            }
            return
        }
        switch frame {
        case .data:
            if case .stream(let continuation)? = self.state.withLockedValue({ $0.pending[id] }) {
                continuation.yield(frame)
            }
        case .terminal(let response):
            switch self.state.withLockedValue({ $0.pending.removeValue(forKey: id) }) {
            case .unary(let continuation)?: continuation.resume(returning: response)
            case .stream(let continuation)?:
                continuation.yield(frame)
                continuation.finish()
            case .discard?, nil: break
            }
        }
    }

    /// Fails every waiting call: the connection is gone.
    func closeAll(reason: String) {
        let (pending, error) = self.state.withLockedValue { state in
            let error = state.connectionError ?? ChronoError.unavailable(reason)
            state.closedError = error
            defer { state.pending.removeAll() }
            return (Array(state.pending.values), error)
        }
        for entry in pending { Self.finish(entry, with: error) }
    }

    private static func finish(_ pending: Pending, with error: ChronoError) {
        switch pending {
        case .unary(let continuation): continuation.resume(throwing: error)
        case .stream(let continuation): continuation.finish(throwing: error)
        case .discard: break
        }
    }
}
