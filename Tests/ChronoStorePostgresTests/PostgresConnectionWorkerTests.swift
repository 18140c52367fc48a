import ChronoProtocol
import ChronoStorePostgres
import PostgresNIO
import Synchronization
import Testing

@Suite("PostgreSQL connection worker", .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped))
struct PostgresConnectionWorkerTests {
    @Test func aStatementPastItsDeadlineIsDeadlineExceededAndTheConnectionLivesOn() async throws {
        try await TestDatabase.with { database in
            let start = ContinuousClock.now
            let error = await #expect(throws: ChronoError.self) {
                try await database.worker.read(deadline: .now + .milliseconds(300)) { session in
                    try session.query("SELECT pg_sleep(10)")
                }
            }
            #expect(error?.code == .deadlineExceeded)
            // The server cancelled the statement at its timeout rather than running it out.
            #expect(ContinuousClock.now - start < .seconds(5))
            let answer = try await database.worker.read(deadline: .now + .seconds(10)) { session in
                try session.query("SELECT 41 + 1").first?.decode(Int.self)
            }
            #expect(answer == 42)
        }
    }

    @Test func aConnectionTheServerClosedIsOpenedAgainByTheNextCall() async throws {
        try await TestDatabase.with { database in
            let backend: @Sendable (PostgresSession) throws -> Int32 = { session in
                try session.query("SELECT pg_backend_pid()").first?.decode(Int32.self) ?? 0
            }
            let first = try await database.worker.run(deadline: nil, backend)
            let side = try await PostgresConnectionWorker.open(database.worker.location, label: "chrono.test.side")
            try await side.run(deadline: nil) { session in
                var binds = PostgresBindings()
                binds.append(first)
                try session.query("SELECT pg_terminate_backend($1, 5000)", binds)
            }
            await side.close()
            // The call that meets the closed connection fails as unavailable, or (when the close was already
            // seen) reconnects at once; the one after it runs on a new server process either way.
            do {
                _ = try await database.worker.run(deadline: nil, backend)
            } catch {
                #expect((error as? ChronoError)?.code == .unavailable)
            }
            let second = try await database.worker.run(deadline: nil, backend)
            #expect(second != first)
            #expect(second != 0)
        }
    }

    /// What a shutdown, restart or failover does to a transaction in flight (the server ends the session with a
    /// FATAL error): the call fails as unavailable at once, instead of waiting for ever for a `ROLLBACK` sent on
    /// the finished connection, and the next call runs on a new connection.
    @Test func aSessionTheServerEndsMidTransactionFailsTheCallAndTheNextReconnects() async throws {
        try await TestDatabase.with { database in
            // A worker of its own: one stuck on the finished connection could not be closed.
            let worker = try await PostgresConnectionWorker.open(database.worker.location, label: "chrono.test.ended")
            let outcome = CallOutcome()
            let sleeper = Task {
                do {
                    try await worker.read(deadline: nil) { try $0.query("SELECT pg_sleep(10)") }
                    outcome.error.withLock { $0 = CancellationError() }  // any error but a ChronoError
                } catch {
                    outcome.error.withLock { $0 = error }
                }
            }
            var terminated = false
            let giveUp = ContinuousClock.now + .seconds(5)
            while !terminated, ContinuousClock.now < giveUp {
                try await Task.sleep(for: .milliseconds(20))
                terminated = try await database.worker.run(deadline: nil) { session in
                    var binds = PostgresBindings()
                    binds.append(database.name)
                    return try session.query(
                        """
                        SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
                        WHERE datname = $1 AND state = 'active' AND query = 'SELECT pg_sleep(10)'
                        """,
                        binds
                    ).first?.decode(Bool.self) ?? false
                }
            }
            #expect(terminated)
            // Polled, not awaited: a call stuck on the finished connection never ends.
            let answerBy = ContinuousClock.now + .seconds(5)
            while outcome.error.withLock({ $0 }) == nil, ContinuousClock.now < answerBy {
                try await Task.sleep(for: .milliseconds(20))
            }
            guard let error = outcome.error.withLock({ $0 }) else {
                Issue.record("the call on the ended session did not return within 5 s")
                return
            }
            #expect((error as? ChronoError)?.code == .unavailable)
            _ = await sleeper.value
            let answer = try await worker.read(deadline: nil) { session in
                try session.query("SELECT 41 + 1").first?.decode(Int.self)
            }
            #expect(answer == 42)
            await worker.close()
        }
    }

    @Test func cancellingTheTaskCancelsTheRunningStatementOnly() async throws {
        try await TestDatabase.with { database in
            let worker = database.worker
            let start = ContinuousClock.now
            let sleeper = Task {
                try await worker.read(deadline: nil) { session in try session.query("SELECT pg_sleep(10)") }
            }
            try await Task.sleep(for: .milliseconds(300))
            sleeper.cancel()
            let error = await #expect(throws: ChronoError.self) { try await sleeper.value }
            #expect(error?.code == .cancelled)
            #expect(ContinuousClock.now - start < .seconds(5))
            // The next call on the same connection carries another tag and runs to its end.
            let slept = try await worker.read(deadline: nil) { session in
                try session.query("SELECT 42 FROM pg_sleep(0.3)").first?.decode(Int.self)
            }
            #expect(slept == 42)
        }
    }

    @Test func aDeadlineAlreadyPastSendsNothing() async throws {
        try await TestDatabase.with { database in
            let error = await #expect(throws: ChronoError.self) {
                try await database.worker.write(deadline: .now - .milliseconds(1)) { session in
                    try session.query("CREATE TABLE never(x integer)")
                }
            }
            #expect(error?.code == .deadlineExceeded)
            let exists = try await database.worker.read(deadline: nil) { session in
                try session.query("SELECT to_regclass('never') IS NOT NULL").first?.decode(Bool.self)
            }
            #expect(exists == false)
        }
    }

    @Test func aFailedWriteIsRolledBack() async throws {
        try await TestDatabase.with { database in
            try await database.worker.write(deadline: nil) { try $0.query("CREATE TABLE t(x integer PRIMARY KEY)") }
            let error = await #expect(throws: PostgresServerError.self) {
                try await database.worker.write(deadline: nil) { session in
                    try session.query("INSERT INTO t VALUES (1)")
                    try session.query("INSERT INTO t VALUES (1)")
                }
            }
            #expect(error?.sqlState == "23505")
            let count = try await database.worker.read(deadline: nil) { session in
                try session.query("SELECT count(*) FROM t").first?.decode(Int.self)
            }
            #expect(count == 0)
        }
    }

    @Test(.enabled(if: PostgresTestServer.replica != nil, "CHRONO_TEST_POSTGRES_REPLICA is not set"))
    func aWriteOnTheReplicaIsAFailedPrecondition() async throws {
        let worker = try await PostgresConnectionWorker.open(
            try PostgresLocation(parsing: PostgresTestServer.replica ?? ""),
            label: "chrono.test.replica"
        )
        let recovering = try await worker.read(deadline: nil) { session in
            try session.query("SELECT pg_is_in_recovery()").first?.decode(Bool.self)
        }
        let error = await #expect(throws: ChronoError.self) {
            try await worker.write(deadline: nil) { try $0.query("CREATE TABLE t(x integer)") }
        }
        await worker.close()
        #expect(recovering == true)
        #expect(error?.code == .failedPrecondition)
    }
}

@Suite("PostgreSQL connection worker without a server")
struct PostgresUnreachableServerTests {
    @Test func anUnreachableServerIsUnavailableAndNamesItWithoutThePassword() async throws {
        let error = await #expect(throws: ChronoError.self) {
            try await PostgresConnectionWorker.open(
                try PostgresLocation(parsing: "unix:/nonexistent/.s.PGSQL.5432?password=hunter2"),
                label: "chrono.test.unreachable"
            )
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("/nonexistent/.s.PGSQL.5432") == true)
        #expect(error?.message.contains("hunter2") == false)
    }
}

/// How a call running in another task ended.
private final class CallOutcome: Sendable {
    let error = Mutex<(any Error)?>(nil)
}
