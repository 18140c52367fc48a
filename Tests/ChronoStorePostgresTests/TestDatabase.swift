import ChronoStorePostgres
import Foundation
import Testing

/// The server the PostgreSQL suites run against: `CHRONO_TEST_POSTGRES` (as `Tools/pg/start.sh` prints it).
enum PostgresTestServer {
    static let primary = ProcessInfo.processInfo.environment["CHRONO_TEST_POSTGRES"]
    static let replica = ProcessInfo.processInfo.environment["CHRONO_TEST_POSTGRES_REPLICA"]
    static let skipped: Comment = "CHRONO_TEST_POSTGRES is not set: start a server with Tools/pg/start.sh"
}

/// A fresh database on the test server for one test, dropped afterwards whatever the test did.
struct TestDatabase {
    /// The database's name, the same on the replica.
    let name: String
    let worker: PostgresConnectionWorker

    /// Runs `body` with a worker on a new database named `chrono_test_<uuid>`, then drops the database.
    ///
    /// The whole test holds the replica's replay shared (`ReplicaReplay`): its database's creation, and whatever
    /// it reads there, waits for the replica to replay, which a test pausing replay would stall.
    static func with<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        try await ReplicaReplay.gate.shared { try await self.withNewDatabase(body) }
    }

    private static func withNewDatabase<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let server = try PostgresLocation(parsing: PostgresTestServer.primary ?? "")
        let name = "chrono_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await Self.admin(server) { try $0.query("CREATE DATABASE \(name)") }
        let worker: PostgresConnectionWorker
        do {
            worker = try await PostgresConnectionWorker.open(server.with(database: name), label: name)
            try await Self.awaitReplica(of: name)
        } catch {
            try await Self.admin(server) { try $0.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            throw error
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(TestDatabase(name: name, worker: worker)))
        } catch {
            result = .failure(error)
        }
        await worker.close()
        try await Self.admin(server) { try $0.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return try result.get()
    }

    /// Returns once the replica (when there is one) has replayed `CREATE DATABASE name`, so that a test may
    /// connect there at once; throws after 30 seconds.
    private static func awaitReplica(of name: String) async throws {
        guard let replica = PostgresTestServer.replica else { return }
        let location = try PostgresLocation(parsing: replica).with(database: name)
        let giveUp = ContinuousClock.now + .seconds(30)
        while true {
            do {
                try await PostgresConnectionWorker.open(location, label: "chrono.test.replica").close()
                return
            } catch  where ContinuousClock.now < giveUp {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Runs one statement outside a transaction on the server's `postgres` database.
    private static func admin(
        _ server: PostgresLocation,
        _ body: @escaping @Sendable (PostgresSession) throws -> Void
    ) async throws {
        let worker = try await PostgresConnectionWorker.open(server, label: "chrono.test.admin")
        do {
            try await worker.run(deadline: nil, body)
        } catch {
            await worker.close()
            throw error
        }
        await worker.close()
    }
}

/// The replica's replay is one for every database on it: a test that pauses it (`exclusive`) must not run beside
/// tests that wait for it (`shared`, every `TestDatabase`), or their bounded waits expire during the pause.
///
/// Invariants: an exclusive holder runs alone; once one waits, new sharers wait behind it (so it runs as soon as
/// the tests already running end); a task that holds the gate either way passes through nested requests (a test
/// database made inside another, or by the exclusive holder itself).
actor ReplicaReplay {
    static let gate = ReplicaReplay()

    @TaskLocal private static var held = false

    private var sharers = 0
    private var exclusiveRuns = false
    private var exclusiveWaiters: [CheckedContinuation<Void, Never>] = []
    private var sharedWaiters: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` beside other sharers, never beside an exclusive holder.
    nonisolated func shared<T>(_ body: () async throws -> T) async throws -> T {
        if Self.held { return try await body() }
        await self.enterShared()
        let result = await Self.holding(body)
        await self.leaveShared()
        return try result.get()
    }

    /// Runs `body` alone: after every sharer already running has left, before any new one enters.
    nonisolated func exclusive<T>(_ body: () async throws -> T) async throws -> T {
        await self.enterExclusive()
        let result = await Self.holding(body)
        await self.leaveExclusive()
        return try result.get()
    }

    private nonisolated static func holding<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do {
            return .success(try await Self.$held.withValue(true) { try await body() })
        } catch {
            return .failure(error)
        }
    }

    private func enterShared() async {
        if self.exclusiveRuns || !self.exclusiveWaiters.isEmpty {
            await withCheckedContinuation { self.sharedWaiters.append($0) }
        } else {
            self.sharers += 1
        }
    }

    private func leaveShared() {
        self.sharers -= 1
        self.admit()
    }

    private func enterExclusive() async {
        if self.exclusiveRuns || self.sharers > 0 || !self.exclusiveWaiters.isEmpty {
            await withCheckedContinuation { self.exclusiveWaiters.append($0) }
        } else {
            self.exclusiveRuns = true
        }
    }

    private func leaveExclusive() {
        self.exclusiveRuns = false
        self.admit()
    }

    /// Lets in the next exclusive waiter once nobody holds the gate, else (with none waiting) every shared waiter;
    /// a waiter let in is counted here, before it resumes.
    private func admit() {
        guard !self.exclusiveRuns else { return }
        if !self.exclusiveWaiters.isEmpty {
            guard self.sharers == 0 else { return }
            self.exclusiveRuns = true
            self.exclusiveWaiters.removeFirst().resume()
        } else {
            self.sharers += self.sharedWaiters.count
            for waiter in self.sharedWaiters { waiter.resume() }
            self.sharedWaiters.removeAll()
        }
    }
}
