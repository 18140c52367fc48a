internal import ChronoProtocol
internal import Foundation
internal import Synchronization

/// Reader connections that answer on the caller's own thread, for a server's event loops: a small query
/// answered there needs no hand-over to a reader's queue and back, two thread wake-ups that cost a 1-hop call
/// about a third of its CPU (BENCHMARKS.md).
///
/// Each connection sits behind a lock that is tried, never waited for: a caller that finds every connection
/// busy gets no answer and reads through the queues instead, so no thread ever blocks on another here. An
/// attempt stops once its budget passes, so a caller's thread is held for at most about that long.
final class QuickReaders: Sendable {
    /// One connection and the flag that lends it out.
    ///
    /// `@unchecked Sendable`: `connection` is used only by the thread that turned `busy` from false to true,
    /// until it turns it back (`borrow`).
    private final class Slot: @unchecked Sendable {
        private let connection: Connection
        private let busy = Atomic<Bool>(false)

        init(_ connection: Connection) { self.connection = connection }

        /// Runs `body` with the connection if no other thread has it, else returns `nil` at once.
        func borrow<T>(_ body: (Connection) throws -> T) rethrows -> T? {
            guard self.busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
                return nil
            }
            defer { self.busy.store(false, ordering: .releasing) }
            return try body(self.connection)
        }

        /// Runs `body` with the connection, waiting while another thread has it.
        func wait<T>(_ body: (Connection) throws -> T) rethrows -> T {
            while true {
                if let result = try self.borrow(body) { return result }
                Thread.sleep(forTimeInterval: 0.001)
            }
        }
    }

    private let slots: [Slot]

    /// Opens `count` read-only connections to `path`, set up as the queues' readers are.
    init(path: String, count: Int) throws {
        self.slots = try (0..<count).map { _ in Slot(try Connection.reader(path: path)) }
    }

    /// Runs `body` at once on the calling thread with a free connection (outside any transaction), and
    /// returns what it returned; `nil` when every connection was busy or the attempt ran past `budget` (it is
    /// then stopped: a read leaves nothing behind, so the caller runs it again elsewhere). Other errors, and a
    /// `deadline` of the call's own that passes first, are thrown as a queued read would throw them.
    func attempt<T: Sendable>(
        budget: Duration,
        deadline: ContinuousClock.Instant?,
        _ body: (Connection, QueryContext) throws -> T
    ) throws -> T? {
        let budgetEnd = ContinuousClock.now + budget
        let context = QueryContext(deadline: deadline.map { min($0, budgetEnd) } ?? budgetEnd)
        for slot in self.slots {
            let outcome: Result<T, any Error>? = slot.borrow { connection in
                connection.interruptCheck = { context.shouldStop }
                defer { connection.interruptCheck = nil }
                do {
                    try context.check()
                    return .success(try body(connection, context))
                } catch {
                    return .failure(context.translate(error))
                }
            }
            switch outcome {
            case nil: continue
            case .success(let value): return value
            case .failure(let error as ChronoError) where error.code == .deadlineExceeded:
                if let deadline, ContinuousClock.now >= deadline { throw error }
                return nil
            case .failure(let error): throw error
            }
        }
        return nil
    }

    /// Runs `body` with each connection in turn, waiting for it if it is busy (prewarming, at start).
    func withEach(_ body: (Connection) throws -> Void) rethrows {
        for slot in self.slots {
            try slot.wait(body)
        }
    }
}
