public import ChronoProtocol

/// The calls of one connection and its lifecycle (open → draining → closed), with no I/O.
///
/// Every input returns an action for the session to carry out. Not thread-safe: the session keeps it
/// behind a lock. See `Protocol/PROTOCOL.md`, section "Calls on one connection".
public struct SessionStateMachine: Sendable {
    /// Why a call was stopped before its handler finished; decides the call's final status.
    public enum StopReason: Sendable, Hashable {
        /// `chrono.v1.Call/Cancel` named it: `CANCELLED`.
        case cancelled
        /// Its `deadline_ms` passed: `DEADLINE_EXCEEDED`.
        case deadlineExceeded
        /// The server shut down before it finished: `UNAVAILABLE`.
        case shutdown
        /// The connection is gone; nothing is reported.
        case connectionClosed
    }

    /// What to do with a newly received request.
    public enum ReceiveAction: Sendable, Hashable {
        /// Run the call.
        case start
        /// Answer at once with this error; the call does not run.
        case reject(ChronoError)
    }

    /// What to do after a stop was asked for.
    public enum StopAction: Sendable, Hashable {
        /// Cancel the call's task.
        case cancelTask
        /// Nothing: the call is not in flight or is already stopping.
        case none
    }

    /// What to do when a call's handler has finished.
    public struct FinishAction: Sendable, Hashable {
        /// The error to report instead of the handler's outcome, when the call was stopped.
        public var override: ChronoError?
        /// Whether a terminal frame should be written at all (not when the connection is gone).
        public var report: Bool
        /// Whether the connection should now be closed (draining and no call left).
        public var closeConnection: Bool
    }

    /// What to do when draining starts.
    public enum DrainAction: Sendable, Hashable {
        /// No call is in flight: close the connection now.
        case closeNow
        /// Wait for the calls in flight to finish.
        case waitForCalls
        /// Already draining or closed.
        case none
    }

    /// Where one call in flight stands.
    private enum CallState: Sendable, Hashable {
        /// Its handler is running and nothing has asked it to stop.
        case running
        /// Asked to stop for this reason (the first one given); its handler is still winding down.
        case stopping(StopReason)
    }

    private enum State: Sendable, Hashable {
        /// Taking calls.
        case open
        /// Shutting down: no new calls; closes when the last call ends.
        case draining
        /// No calls; the connection is closing or gone.
        case closed
    }

    /// A call answered inline (on the event loop, before the next line is read).
    private struct InlineCall: Sendable, Hashable {
        var id: RequestID
        var state: CallState
    }

    /// Most calls allowed in flight at once; one more is rejected with `RESOURCE_EXHAUSTED`.
    public let maximumCallsInFlight: Int
    private var state: State = .open
    /// The calls running in tasks.
    private var calls: [RequestID: CallState] = [:]
    /// The call running inline, if one is: at most one, as the next line waits for it. Kept apart from `calls`
    /// so the commonest tiny call costs no dictionary insert and removal; every rule treats it as in flight.
    private var inlineCall: InlineCall?

    /// Creates a machine for an open connection.
    public init(maximumCallsInFlight: Int) {
        self.maximumCallsInFlight = maximumCallsInFlight
    }

    /// The ids of the calls in flight.
    public var callsInFlight: Set<RequestID> {
        var ids = Set(self.calls.keys)
        if let inline = self.inlineCall { ids.insert(inline.id) }
        return ids
    }

    /// How many calls are in flight.
    private var count: Int { self.calls.count + (self.inlineCall == nil ? 0 : 1) }

    private func isInFlight(_ id: RequestID) -> Bool {
        self.inlineCall?.id == id || self.calls[id] != nil
    }

    /// Whether the connection is draining or closed.
    public var isDraining: Bool { self.state != .open }

    /// A request `id` arrived.
    ///
    /// A duplicate of an id in flight is rejected with `ALREADY_EXISTS`; the call in flight is unaffected.
    /// `inline` says the call runs on the event loop and finishes before another is received.
    public mutating func receive(id: RequestID, inline: Bool = false) -> ReceiveAction {
        guard self.state == .open else { return .reject(.unavailable("server is shutting down")) }
        guard !self.isInFlight(id) else {
            return .reject(ChronoError(.alreadyExists, "id: \(id) is already in flight on this connection"))
        }
        guard self.count < self.maximumCallsInFlight else {
            return .reject(
                .resourceExhausted("too many calls in flight on this connection (limit \(self.maximumCallsInFlight))")
            )
        }
        if inline {
            precondition(self.inlineCall == nil, "an inline call was received while another ran")
            self.inlineCall = InlineCall(id: id, state: .running)
        } else {
            self.calls[id] = .running
        }
        return .start
    }

    /// The inline call `id` did not finish inline (its method declined to answer on the event loop) and goes on
    /// in a task: it stays in flight, stopping if it was asked to stop meanwhile.
    public mutating func continueInTask(id: RequestID) {
        guard let inline = self.inlineCall, inline.id == id else { return }
        self.inlineCall = nil
        self.calls[id] = inline.state
    }

    /// Asks to stop call `id` for `reason`; the first reason wins.
    public mutating func stop(id: RequestID, reason: StopReason) -> StopAction {
        if self.inlineCall?.id == id {
            guard self.inlineCall?.state == .running else { return .none }
            self.inlineCall?.state = .stopping(reason)
            return .cancelTask
        }
        guard self.calls[id] == .running else { return .none }
        self.calls[id] = .stopping(reason)
        return .cancelTask
    }

    /// Why call `id` was stopped, if it was.
    public func stopReason(id: RequestID) -> StopReason? {
        let state = self.inlineCall?.id == id ? self.inlineCall?.state : self.calls[id]
        guard case .stopping(let reason) = state else { return nil }
        return reason
    }

    /// Call `id`'s handler finished (successfully or not).
    public mutating func finish(id: RequestID) -> FinishAction {
        let ended: CallState?
        if let inline = self.inlineCall, inline.id == id {
            ended = inline.state
            self.inlineCall = nil
        } else {
            ended = self.calls.removeValue(forKey: id)
        }
        let reason: StopReason? =
            switch ended {
            case .stopping(let reason): reason
            case .running, nil: nil
            }
        let closeConnection = self.state == .draining && self.count == 0
        if closeConnection { self.state = .closed }
        let override: ChronoError? =
            switch reason {
            case .cancelled?: .cancelled("call cancelled by the client")
            case .deadlineExceeded?: .deadlineExceeded("deadline exceeded")
            case .shutdown?: .unavailable("server is shutting down")
            case .connectionClosed?, nil: nil
            }
        return FinishAction(
            override: override,
            report: reason != .connectionClosed,
            closeConnection: closeConnection
        )
    }

    /// The server is shutting down: stop taking calls and close once the calls in flight finish.
    public mutating func drain() -> DrainAction {
        guard self.state == .open else { return .none }
        if self.count == 0 {
            self.state = .closed
            return .closeNow
        }
        self.state = .draining
        return .waitForCalls
    }

    /// Stops every call in flight that is not already stopping, for `reason`; returns their ids.
    public mutating func stopAll(reason: StopReason) -> [RequestID] {
        var running = self.calls.filter { $0.value == .running }.map(\.key)
        for id in running { self.calls[id] = .stopping(reason) }
        if let inline = self.inlineCall, inline.state == .running {
            self.inlineCall?.state = .stopping(reason)
            running.append(inline.id)
        }
        return running
    }

    /// The connection is gone: no more calls; those in flight are stopped without a report.
    public mutating func connectionClosed() -> [RequestID] {
        self.state = .closed
        return self.stopAll(reason: .connectionClosed)
    }
}
