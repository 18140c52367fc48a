internal import Foundation

/// Tells listeners the revision of each commit, in commit order.
///
/// Each listener holds only the newest revision it has not yet seen (a slow listener misses intermediate
/// numbers, never the latest), so the feed's memory is one value per listener whatever the write rate.
/// `@unchecked Sendable`: `listeners`, `nextID` and `latest` are guarded by `lock`.
public final class CommitFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [Int: AsyncStream<Int64>.Continuation] = [:]
    private var nextID = 0
    private var latest: Int64 = 0

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

    /// The newest revision announced so far (0 before the first commit since the daemon started).
    ///
    /// Read after `listen()`, it bounds what a listener may have missed: every commit after it reaches
    /// the listener, so a result read at this revision or later leaves no gap.
    public var latestRevision: Int64 { self.lock.withLock { self.latest } }

    /// The number of listeners now (for tests and health).
    public var listenerCount: Int { self.lock.withLock { self.listeners.count } }

    /// Announces that `revision` has committed.
    func publish(_ revision: Int64) {
        let listeners = self.lock.withLock {
            self.latest = max(self.latest, revision)
            return Array(self.listeners.values)
        }
        for listener in listeners { listener.yield(revision) }
    }
}
