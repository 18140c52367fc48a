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
    static func with<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
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
