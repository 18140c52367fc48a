import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoStorePostgres
import ChronoTesting
import Foundation
import Testing

/// A PostgreSQL store keeps the references and edges its calls read, as a SQLite store does, and lets go of
/// what another node's commit changed, and everything when its connection is ended (as a failover ends it).
@Suite(.timeLimit(.minutes(2))) struct PostgresRecordCacheTests {
    /// Baku's 1-hop neighbourhood, in which Azerbaijan is a node (its name read through the references).
    static let query = NeighborsQuery(id: "baku")

    /// The name `answer` gives the node `id`.
    static func name(of id: String, in answer: Outcome) -> String? {
        guard case .answer(let value) = answer else { return nil }
        return value["nodes"]?.arrayValue?.first { $0["entity"]?["id"]?.stringValue == id }?["entity"]?["name"]?
            .stringValue
    }

    @Test(.enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped))
    func referencesAreKeptAtOneRevisionAndDroppedWhenAnotherNodeChangesThem() async throws {
        try await ServicePair.with(graph: Repository.url("Graph")) { pair in
            let keeping = try await PostgresGraphStore.open(pair.location, readers: 1)
            let plain = try await PostgresGraphStore.open(pair.location, readers: 1, cacheBytes: 0)
            let outcome: Result<Void, any Error>
            do {
                outcome = .success(try await Self.check(pair, keeping: keeping, plain: plain))
            } catch {
                outcome = .failure(error)
            }
            await keeping.close()
            await plain.close()
            try outcome.get()
        }
    }

    private static func check(
        _ pair: ServicePair,
        keeping: PostgresGraphStore,
        plain: PostgresGraphStore
    ) async throws {
        let before = await Outcome.of(Self.query, on: keeping)
        let name = try #require(Self.name(of: "azerbaijan", in: before), "\(before)")
        #expect(before == (await Outcome.of(Self.query, on: plain)))
        // A change behind the change log's back, at the same revision: only a reader that keeps references
        // still answers the name it read.
        try await pair.database.worker.write(deadline: nil) { session in
            _ = try session.query("UPDATE entities SET name = 'Unlogged name' WHERE id = 'azerbaijan'")
        }
        #expect(Self.name(of: "azerbaijan", in: await Outcome.of(Self.query, on: keeping)) == name)
        #expect(Self.name(of: "azerbaijan", in: await Outcome.of(Self.query, on: plain)) == "Unlogged name")
        // A rename committed through another node's service: logged, so the keeping reader drops its reference.
        let records = try await pair.postgresRecords()
        let record = try #require(records.first { $0.kind == .entity && $0.id == "azerbaijan" })
        guard case .object(var members) = record.value else { throw ChronoError.internal("not an object") }
        members["name"] = "Renamed through another node"
        _ = try await pair.postgres.write(upserts: [.object(members)], retractions: [])
        let after = await Outcome.of(Self.query, on: keeping)
        #expect(Self.name(of: "azerbaijan", in: after) == "Renamed through another node")
        #expect(after == (await Outcome.of(Self.query, on: plain)))
        // Another unlogged change, then every other connection to the database ended (as a failover ends
        // them): a reader that connects again forgets what it kept, whatever the revision says.
        try await pair.database.worker.write(deadline: nil) { session in
            _ = try session.query("UPDATE entities SET name = 'Unlogged again' WHERE id = 'azerbaijan'")
        }
        #expect(
            Self.name(of: "azerbaijan", in: await Outcome.of(Self.query, on: keeping)) == "Renamed through another node"
        )
        try await pair.database.worker.run(deadline: nil) { session in
            _ = try session.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        }
        var reconnected: Outcome = .error("not asked")
        for _ in 0..<5 where Self.name(of: "azerbaijan", in: reconnected) == nil {
            // The call that meets the ended connection fails (UNAVAILABLE); the next connects again.
            reconnected = await Outcome.of(Self.query, on: keeping)
        }
        #expect(Self.name(of: "azerbaijan", in: reconnected) == "Unlogged again", "\(reconnected)")
    }
}
