internal import Foundation

/// The newest committed revision a store has seen, shared between the queue that learns it and any reader of
/// `latestRevision`.
///
/// `@unchecked Sendable`: `value` is guarded by `lock`.
package final class RevisionCell: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64 = 0

    package init() {}

    package func store(_ revision: Int64) {
        self.lock.withLock { self.value = revision }
    }

    /// Stores `revision` unless a newer one is already known (reads may finish out of order).
    package func advance(to revision: Int64) {
        self.lock.withLock { self.value = max(self.value, revision) }
    }

    package func load() -> Int64 {
        self.lock.withLock { self.value }
    }
}

/// A thread-safe counter for spreading reads over a pool.
///
/// `@unchecked Sendable`: `value` is guarded by `lock`.
package final class RoundRobin: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    package init() {}

    package func next() -> Int {
        self.lock.withLock {
            self.value &+= 1
            return self.value & Int.max
        }
    }
}
