internal import Dispatch

/// One connection and the serial queue it is confined to; SQLite never runs on the caller's thread.
///
/// `@unchecked Sendable`: `connection` is touched only by blocks running on `queue`.
final class ConnectionWorker: @unchecked Sendable {
    private let queue: DispatchQueue
    private let connection: Connection
    private let afterEachRun: (@Sendable (Connection) -> Void)?
    /// Runs tasks on this connection's queue (see `GraphStore.readExecutor()`).
    let executor: QueueExecutor

    /// Opens a connection on a new serial queue labelled `label`; `afterEachRun` runs on the queue after
    /// every `run`, whatever its outcome, and before the run's caller resumes.
    static func open(
        path: String,
        label: String,
        readOnly: Bool,
        afterEachRun: (@Sendable (Connection) -> Void)? = nil
    ) async throws -> ConnectionWorker {
        let queue = DispatchQueue(label: label)
        let connection = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<ConnectionBox, any Error>) in
            queue.async {
                continuation.resume(
                    with: Result {
                        ConnectionBox(
                            readOnly ? try Connection.reader(path: path) : try Connection(path: path, readOnly: false)
                        )
                    }
                )
            }
        }
        return ConnectionWorker(queue: queue, connection: connection.connection, afterEachRun: afterEachRun)
    }

    private init(queue: DispatchQueue, connection: Connection, afterEachRun: (@Sendable (Connection) -> Void)?) {
        self.queue = queue
        self.connection = connection
        self.executor = QueueExecutor(queue: queue)
        self.afterEachRun = afterEachRun
    }

    /// Runs `body` on the queue; Task cancellation and `deadline` interrupt it.
    ///
    /// Interruption surfaces as `ChronoError.cancelled` or `.deadlineExceeded`.
    func run<T: Sendable>(
        deadline: ContinuousClock.Instant?,
        _ body: @escaping @Sendable (Connection, QueryContext) throws -> T
    ) async throws -> T {
        let context = QueryContext(deadline: deadline)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                self.queue.async {
                    let result: Result<T, any Error>
                    do {
                        try context.check()
                        self.connection.interruptCheck = { context.shouldStop }
                        defer { self.connection.interruptCheck = nil }
                        result = .success(try body(self.connection, context))
                    } catch {
                        result = .failure(context.translate(error))
                    }
                    // Before the caller resumes: whatever it does next (answer a call, start another) sees what
                    // this run left behind, such as the writer's newest revision.
                    self.afterEachRun?(self.connection)
                    continuation.resume(with: result)
                }
            }
        } onCancel: {
            context.cancel()
        }
    }
}

/// Carries a connection from the queue that opened it back to the worker; used once, right after opening.
///
/// `@unchecked Sendable`: the connection is handed over before anything else uses it.
private struct ConnectionBox: @unchecked Sendable {
    let connection: Connection
    init(_ connection: Connection) { self.connection = connection }
}
