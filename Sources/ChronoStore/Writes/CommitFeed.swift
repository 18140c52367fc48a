internal import Foundation

/// Tells listeners the revision of each commit, in commit order.
///
/// Each listener holds only the newest revision it has not yet seen (a slow listener misses intermediate
/// numbers, never the latest), so the feed's memory is one value per listener whatever the write rate.
/// `@unchecked Sendable`: `listeners` and `nextID` are guarded by `lock`.
public final class CommitFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [Int: AsyncStream<Int64>.Continuation] = [:]
    private var nextID = 0

    /// Creates a feed with no listeners.
    public init() {}

    /// A stream of committed revisions, starting with the first commit after this call returns.
    public func listen() -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int64.self, bufferingPolicy: .bufferingNewest(1))
        let id = self.lock.withLock {
            self.nextID += 1
            self.listeners[self.nextID] = continuation
            return self.nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// The number of listeners now (for tests and health).
    public var listenerCount: Int { self.lock.withLock { self.listeners.count } }

    /// Announces that `revision` has committed.
    func publish(_ revision: Int64) {
        let listeners = self.lock.withLock { Array(self.listeners.values) }
        for listener in listeners { listener.yield(revision) }
    }
}
