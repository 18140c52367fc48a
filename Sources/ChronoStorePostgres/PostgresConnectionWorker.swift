internal import ChronoProtocol
package import ChronoStore
internal import Dispatch
internal import Foundation
package import Logging
package import PostgresNIO

/// One PostgreSQL connection confined to one serial queue, whose thread blocks on each round trip: the
/// PostgreSQL counterpart of ChronoStore's `ConnectionWorker`, so reads can be synchronous primitives. Nothing
/// blocks an event loop or the cooperative pool: `open` and `run` suspend the caller until the queue is done.
///
/// Task cancellation reaches a statement in flight: each transaction tags itself (`application_name`
/// `chrono-call-N`, local to the transaction), and a cancelled call asks a side connection to
/// `pg_cancel_backend` this connection's server process only while it still carries that call's tag.
///
/// When the server has closed the connection (a restart, a failover behind the same address), the next call
/// connects again before it runs; the call that met the closed connection fails with `unavailable`, and nothing
/// more is sent on that connection (not even `ROLLBACK`: see `endsSession`).
///
/// `@unchecked Sendable`: `connection` and `finished` are used only by blocks running on `queue`; `calls` and
/// `backendPID` are guarded by `lock`.
package final class PostgresConnectionWorker: @unchecked Sendable {
    private let queue: DispatchQueue
    private var connection: PostgresConnection
    /// Set when a call met an error that ends the session (`endsSession`): the next call connects again, even
    /// before postgres-nio has marked the connection closed.
    private var finished = false
    private let logger: Logger
    /// The server process serving `connection`.
    private var backendPID: Int32
    private let lock = NSLock()
    private var calls = 0
    /// The server and database this worker is connected to.
    package let location: PostgresLocation
    /// Run on `queue` after each new connection but the first, before anything is read on it.
    private let onReconnect: (@Sendable () -> Void)?

    private init(
        queue: DispatchQueue,
        connection: PostgresConnection,
        backendPID: Int32,
        logger: Logger,
        location: PostgresLocation,
        onReconnect: (@Sendable () -> Void)?
    ) {
        self.queue = queue
        self.connection = connection
        self.backendPID = backendPID
        self.logger = logger
        self.location = location
        self.onReconnect = onReconnect
    }

    /// Connects to `location` on a new serial queue labelled `label`; `onReconnect` runs whenever a later call
    /// connects again (the server behind the address may be another, with another history), before it reads.
    ///
    /// - Throws: `ChronoError.unavailable` naming the location (without its password) when the server cannot
    ///   be reached or refuses the login.
    package static func open(
        _ location: PostgresLocation,
        label: String,
        logger: Logger = Logger(label: "chronograph.postgres"),
        onReconnect: (@Sendable () -> Void)? = nil
    ) async throws -> PostgresConnectionWorker {
        let queue = DispatchQueue(label: label)
        let (connection, backendPID) = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<(PostgresConnection, Int32), any Error>) in
            queue.async { continuation.resume(with: Result { try Self.connect(location, logger: logger) }) }
        }
        return PostgresConnectionWorker(
            queue: queue,
            connection: connection,
            backendPID: backendPID,
            logger: logger,
            location: location,
            onReconnect: onReconnect
        )
    }

    /// Connects to `location` and reads the server process's id, blocking the calling thread (a worker's queue,
    /// or a `PostgresStoredArchive` reader's); the caller must close the connection before dropping it.
    static func connect(
        _ location: PostgresLocation,
        logger: Logger
    ) throws -> (PostgresConnection, Int32) {
        do {
            let connection = try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(),
                configuration: location.configuration,
                id: 0,
                logger: logger
            ).wait()
            do {
                let pid = try connection.query("SELECT pg_backend_pid()", logger: logger).wait().rows
                    .first?.decode(Int32.self)
                return (connection, pid ?? 0)
            } catch {
                // A connection must be closed before it is dropped (postgres-nio asserts it), also when the server
                // ended the session right after the login.
                try? connection.close().wait()
                throw error
            }
        } catch {
            let detail = (error as? PSQLError)?.serverInfo?[.message].map { ": \($0)" } ?? ""
            throw ChronoError.unavailable("cannot connect to PostgreSQL at \(location)\(detail)")
        }
    }

    /// The open connection, connecting again first when the server closed it. Runs on `queue`.
    private func connected() throws -> PostgresConnection {
        guard self.finished || self.connection.isClosed else { return self.connection }
        let (connection, pid) = try Self.connect(self.location, logger: self.logger)
        self.connection = connection
        self.finished = false
        self.lock.withLock { self.backendPID = pid }
        self.logger.info("reconnected to PostgreSQL", metadata: ["location": "\(self.location)"])
        self.onReconnect?()
        return connection
    }

    /// Runs `body` on the queue, outside any transaction; Task cancellation and `deadline` stop it before its
    /// next statement (inside `read` and `write`, also during one), and a statement the server cancelled
    /// surfaces as `ChronoError.cancelled` or `.deadlineExceeded`.
    @discardableResult
    package func run<T: Sendable>(
        deadline: ContinuousClock.Instant?,
        _ body: @escaping @Sendable (PostgresSession) throws -> T
    ) async throws -> T {
        let call = self.lock.withLock {
            self.calls += 1
            return self.calls
        }
        let context = QueryContext(deadline: deadline)
        let tag = "chrono-call-\(call)"
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                self.queue.async {
                    continuation.resume(
                        with: Result {
                            do {
                                try context.check()
                                let session = PostgresSession(
                                    connection: try self.connected(),
                                    logger: self.logger,
                                    context: context,
                                    tag: tag
                                )
                                return try body(session)
                            } catch {
                                self.noteFailure(error)
                                throw context.translatePostgres(error)
                            }
                        }
                    )
                }
            }
        } onCancel: {
            context.cancel()
            Task.detached { await self.cancelOnServer(tag: tag) }
        }
    }

    /// Marks the connection finished when `error` ended its session, and closes it. Runs on `queue`.
    private func noteFailure(_ error: any Error) {
        guard endsSession(error) else { return }
        self.finished = true
        let _: EventLoopFuture<Void> = self.connection.close()
    }

    /// Cancels the statement running on this connection if its transaction still carries `tag`, from a side
    /// connection (the server checks pid and tag together, so a later call is never cancelled instead).
    private func cancelOnServer(tag: String) async {
        guard let side = try? await PostgresConnectionWorker.open(self.location, label: "chrono.postgres.cancel")
        else { return }
        var bindings = PostgresBindings()
        bindings.append(self.lock.withLock { self.backendPID })
        bindings.append(tag)
        let binds = bindings
        _ = try? await side.run(deadline: .now + .seconds(5)) { session in
            try session.query(
                "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND application_name = $2",
                binds
            )
        }
        await side.close()
    }

    /// Runs `body` in one read-only snapshot (`REPEATABLE READ READ ONLY`), each statement limited by the
    /// time left before `deadline` (`statement_timeout`, local to the transaction).
    @discardableResult
    package func read<T: Sendable>(
        deadline: ContinuousClock.Instant?,
        _ body: @escaping @Sendable (PostgresSession) throws -> T
    ) async throws -> T {
        try await self.run(deadline: deadline) { session in
            try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
        }
    }

    /// Runs `body` in one read-write transaction (`READ COMMITTED`), committed when it returns and rolled back
    /// when it throws; `deadline` limits each statement as in `read`.
    @discardableResult
    package func write<T: Sendable>(
        deadline: ContinuousClock.Instant?,
        _ body: @escaping @Sendable (PostgresSession) throws -> T
    ) async throws -> T {
        try await self.run(deadline: deadline) { session in try session.transaction("BEGIN", body) }
    }

    /// Closes the connection; the worker must not be used afterwards.
    package func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            self.queue.async {
                try? self.connection.close().wait()
                continuation.resume()
            }
        }
    }
}

/// The connection as a body running on a worker's queue sees it: blocking statements.
package struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    /// The call's deadline and cancellation, checked before each statement.
    package let context: QueryContext
    /// The call's `application_name` while its transaction runs (see `PostgresConnectionWorker`).
    let tag: String

    /// Runs one statement with `binds` (`$1`, `$2`, …) and returns its rows; blocks the queue's thread until
    /// the server answers. Throws `cancelled`/`deadlineExceeded` before sending when the call should stop.
    @discardableResult
    package func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        try self.context.check()
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try self.answer(self.connection.query(query, logger: self.logger)).rows
    }

    /// Waits for `future`, a statement's answer; once the connection has closed, fails with `unavailable` at the
    /// next check (one a second) if still unanswered: postgres-nio can leave a statement sent as the server goes
    /// away unanswered for ever, which would hold the worker's queue.
    private func answer<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let promise = future.eventLoop.makePromise(of: T.self)
        future.cascade(to: promise)
        let connection = self.connection
        let watchdog = future.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
            // A second promise completion is ignored: whichever comes first wins.
            if connection.isClosed {
                promise.fail(ChronoError.unavailable("the connection to PostgreSQL was lost"))
            }
        }
        defer { watchdog.cancel() }
        return try promise.futureResult.wait()
    }

    /// Runs `body` between `begin` and `COMMIT` (`ROLLBACK` when it throws, unless the error ended the session, when
    /// the server has rolled back already), with the deadline as
    /// `statement_timeout` (the server's own setting without a deadline) and the call's tag as
    /// `application_name`, both local to the transaction.
    func transaction<T>(_ begin: String, _ body: (PostgresSession) throws -> T) throws -> T {
        try self.query(begin)
        do {
            var binds = PostgresBindings()
            binds.append(self.context.remainingMilliseconds.map { String($0) })
            binds.append(self.tag)
            try self.query(
                """
                SELECT set_config('statement_timeout', coalesce($1::text, current_setting('statement_timeout')), true),
                       set_config('application_name', $2, true)
                """,
                binds
            )
            let result = try body(self)
            try self.query("COMMIT")
            return result
        } catch {
            if !endsSession(error) {
                _ = try? self.answer(self.connection.query(PostgresQuery(unsafeSQL: "ROLLBACK"), logger: self.logger))
            }
            throw error
        }
    }
}
