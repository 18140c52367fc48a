internal import Dispatch

/// A task executor that runs jobs on a connection's serial queue, so a task that prefers it runs on the
/// same thread as the SQLite work it waits for: the call hands over to the store without waking another
/// thread, and its continuation resumes there too.
///
/// `@unchecked Sendable`: immutable after creation; `DispatchQueue` is thread-safe.
final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue
    private let key = DispatchSpecificKey<ObjectIdentifier>()

    init(queue: DispatchQueue) {
        self.queue = queue
        queue.setSpecific(key: self.key, value: ObjectIdentifier(self))
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        self.queue.async {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }

    /// Whether the caller runs on this executor's queue.
    var isCurrent: Bool {
        DispatchQueue.getSpecific(key: self.key) == ObjectIdentifier(self)
    }
}
