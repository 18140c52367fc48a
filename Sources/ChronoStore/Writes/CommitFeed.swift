internal import Foundation

/// Tells listeners the revision of each commit, in commit order: the SQLite backend's `CommitSource`.
///
/// Each listener holds only the newest revision it has not yet seen (a slow listener misses intermediate
/// numbers, never the latest), so the feed's memory is one value per listener whatever the write rate.
/// `@unchecked Sendable`: `listeners`, `nextID` and `latest` are guarded by `lock`.
package final class CommitFeed: CommitSource, @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [Int: AsyncStream<Int64>.Continuation] = [:]
    private var nextID = 0
    private var latest: Int64 = 0

    package init() {}

    /// A stream of committed revisions, starting with the first commit after this call returns.
    package func listen() -> AsyncStream<Int64> {
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
    package var latestRevision: Int64 { self.lock.withLock { self.latest } }

    /// Announces that `revision` has committed; a revision not newer than one already announced is dropped,
    /// so listeners see increasing revisions whoever announces them.
    package func publish(_ revision: Int64) {
        self.lock.withLock {
            guard revision > self.latest else { return }
            self.latest = revision
            for listener in self.listeners.values { listener.yield(revision) }
        }
    }
}
