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
    private let state = NIOLockedValueBox(State())

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds `session` unless the server is full or shutting down.
    func admit(_ session: Session) -> Admission {
        self.state.withLockedValue { state in
            if state.draining { return .shuttingDown }
            guard state.sessions.count < self.limit else { return .tooManyConnections }
            state.sessions[ObjectIdentifier(session)] = session
            return .admitted
        }
    }

    /// Removes a finished session.
    func remove(_ session: Session) {
        self.state.withLockedValue { _ = $0.sessions.removeValue(forKey: ObjectIdentifier(session)) }
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
