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
