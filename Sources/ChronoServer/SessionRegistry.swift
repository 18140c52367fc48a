import NIOConcurrencyHelpers

/// The open sessions of a server, for the connection limit and for draining on shutdown.
///
/// Access is protected by its lock.
final class SessionRegistry: Sendable {
    /// Whether a new connection may be served.
    enum Admission: Equatable {
        case admitted
        case tooManyConnections
        case shuttingDown
    }

    private struct State {
        var sessions: [ObjectIdentifier: Session] = [:]
        var draining = false
    }

    private let limit: Int
    private let metrics: CallMetrics
    private let state = NIOLockedValueBox(State())

    init(limit: Int, metrics: CallMetrics) {
        self.limit = limit
        self.metrics = metrics
    }

    /// Adds `session` unless the server is full or shutting down.
    func admit(_ session: Session) -> Admission {
        let admission = self.state.withLockedValue { state -> Admission in
            if state.draining { return .shuttingDown }
            guard state.sessions.count < self.limit else { return .tooManyConnections }
            state.sessions[ObjectIdentifier(session)] = session
            return .admitted
        }
        if admission == .admitted { self.metrics.connection(opened: true, transport: .tcp) }
        return admission
    }

    /// Removes a finished session.
    func remove(_ session: Session) {
        let removed = self.state.withLockedValue { $0.sessions.removeValue(forKey: ObjectIdentifier(session)) }
        if removed != nil { self.metrics.connection(opened: false, transport: .tcp) }
    }

    /// Refuses new sessions from now on and returns the open ones.
    func beginDraining() -> [Session] {
        self.state.withLockedValue { state in
            state.draining = true
            return Array(state.sessions.values)
        }
    }

    /// The open sessions.
    var sessions: [Session] {
        self.state.withLockedValue { Array($0.sessions.values) }
    }
}
