import Foundation

/// Resumes a continuation with the first of several racing outcomes and ignores the rest.
// @unchecked Sendable: every stored property is read and written only while holding `lock`.
final class FirstOutcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var resolved = false
    private var cleanup: (@Sendable () -> Void)?

    /// The continuation to resume; attach it before any outcome can arrive.
    func attach(_ continuation: CheckedContinuation<T, any Error>) {
        self.lock.withLock { self.continuation = continuation }
    }

    /// Runs `action` once an outcome has been delivered (at once if it already has).
    func onResolve(_ action: @escaping @Sendable () -> Void) {
        let runNow = self.lock.withLock {
            if self.resolved { return true }
            self.cleanup = action
            return false
        }
        if runNow {
            action()
        }
    }

    /// Delivers `result` if no outcome was delivered before.
    func resolve(_ result: Result<T, any Error>) {
        let (continuation, cleanup): (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) = self.lock.withLock
        {
            guard !self.resolved else { return (nil, nil) }
            self.resolved = true
            defer {
                self.continuation = nil
                self.cleanup = nil
            }
            return (self.continuation, self.cleanup)
        }
        continuation?.resume(with: result)
        cleanup?()
    }
}
