import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoStorePostgres
import ChronoTesting
import Foundation
import PostgresNIO
import Testing

/// Several `PostgresGraphService`s ("nodes") on one database: the commit feed announces every node's writes
/// to every node, the primary orders concurrent writes gap-free, a cut `LISTEN` connection recovers by itself,
/// and a node reading a replica announces only what its replica can read. The limit leaves room for the test that
/// pauses the replica to wait for the tests running beside it.
@Suite(
    "Several PostgreSQL nodes on one database",
    .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped),
    .timeLimit(.minutes(5))
)
struct PostgresNodesTests {
    @Test func aWriteThroughOneNodeIsAnnouncedByTheOtherInOrder() async throws {
        try await Self.withNodes { a, b, _ in
            let announced = b.commits.listen()
            var last: Int64 = 0
            for step in 1...5 {
                last = try await a.write(upserts: [Self.entity("node-a-\(step)")], retractions: []).revision
            }
            let seen = try await Self.collect(announced, through: last)
            #expect(seen == seen.sorted() && Set(seen).count == seen.count, "announced out of order: \(seen)")
            #expect(seen.last == last)
            #expect(b.commits.latestRevision == last)
            let stats = try await b.current.run(StatsQuery(), deadline: nil)
            #expect(stats.revision >= last)
        }
    }

    @Test func concurrentWritesFromTwoNodesGetGapFreeRevisionsAndNoneIsLost() async throws {
        try await Self.withNodes { a, b, worker in
            let start = try await a.current.run(StatsQuery(), deadline: nil).revision
            let count = 12
            let revisions = try await withThrowingTaskGroup(of: Int64.self) { group in
                for index in 0..<count {
                    let node = index % 2 == 0 ? a : b
                    group.addTask {
                        try await node.write(upserts: [Self.entity("concurrent-\(index)")], retractions: []).revision
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(revisions.sorted() == Array((start + 1)...(start + Int64(count))))
            let logged = try await worker.read(deadline: nil) { session in
                try session.query("SELECT revision FROM changes WHERE op = 'insert' AND id LIKE 'concurrent-%'")
                    .map { try $0.decode(Int64.self) }
            }
            #expect(logged.sorted() == revisions.sorted())
            for index in 0..<count {
                let entity = try await b.current.run(EntityQuery(id: "concurrent-\(index)"), deadline: nil)
                #expect(entity.revision >= start + Int64(count))
            }
        }
    }

    @Test func aCutListenConnectionReconnectsAndMissesNoCommit() async throws {
        try await Self.withNodes { a, b, worker in
            let announced = a.commits.listen()
            let before = (a.commits as? PostgresCommitFeed)?.listenCount ?? 0
            let terminated = try await worker.run(deadline: nil) { session in
                try session.query(
                    """
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND application_name = '\(PostgresCommitFeed.applicationName)'
                    """
                ).count
            }
            #expect(terminated == 2)
            let revision = try await b.write(upserts: [Self.entity("after-the-cut")], retractions: []).revision
            let seen = try await Self.collect(announced, through: revision)
            #expect(seen.last == revision)
            #expect(((a.commits as? PostgresCommitFeed)?.listenCount ?? 0) > before)
            #expect(!a.commits.epoch.isEmpty && a.commits.epoch == b.commits.epoch)
        }
    }

    @Test(.enabled(if: PostgresTestServer.replica != nil, "CHRONO_TEST_POSTGRES_REPLICA is not set"))
    func aNodeReadingAReplicaAnnouncesOnlyWhatItsReplicaCanRead() async throws {
        try await Self.withNodes { a, _, worker in
            let replica = try PostgresLocation(parsing: PostgresTestServer.replica ?? "")
                .with(database: worker.location.database)
            let directory = try TemporaryDirectory(prefix: "replica-node")
            defer { directory.remove() }
            let node = try await PostgresGraphService.open(
                primary: worker.location,
                replica: replica,
                scratchDirectory: directory.url.path
            )
            do {
                let announced = node.commits.listen()
                var iterator = announced.makeAsyncIterator()
                for step in 1...5 {
                    let revision = try await a.write(upserts: [Self.entity("replicated-\(step)")], retractions: [])
                        .revision
                    var seen: Int64 = 0
                    while seen < revision { seen = await iterator.next() ?? .max }
                    let read = try await node.current.run(EntityQuery(id: "replicated-\(step)"), deadline: nil)
                    #expect(read.revision >= revision)
                }
            } catch {
                await node.close()
                throw error
            }
            await node.close()
        }
    }

    /// Pauses the replica's replay, which is every database's on it: runs alone (`ReplicaReplay.exclusive`), after
    /// the tests already running and before any other starts.
    @Test(.enabled(if: PostgresTestServer.replica != nil, "CHRONO_TEST_POSTGRES_REPLICA is not set"))
    func aNodeStartingOnAReplicaThatHasNotReplayedTheMigrationWaitsForIt() async throws {
        let replicaServer = try PostgresLocation(parsing: PostgresTestServer.replica ?? "")
        let directory = try TemporaryDirectory(prefix: "lagging-replica")
        defer { directory.remove() }
        try await ReplicaReplay.gate.exclusive { try await Self.startOnAPausedReplica(replicaServer, directory) }
    }

    private static func startOnAPausedReplica(
        _ replicaServer: PostgresLocation,
        _ directory: TemporaryDirectory
    )
        async throws
    {
        try await TestDatabase.with { database in
            let control = try await PostgresConnectionWorker.open(replicaServer, label: "chrono.test.replay")
            try await control.run(deadline: nil) { _ = try $0.query("SELECT pg_wal_replay_pause()") }
            let result: Result<(served: Int64, imported: Int64), any Error>
            do {
                try await PostgresSchema.migrate(database.worker)
                let report = try await PostgresGraphImport(directory: Repository.url("Graph"))
                    .load(into: database.worker)
                let location = try database.location()
                let opened = Task {
                    try await PostgresGraphService.open(
                        primary: location,
                        replica: replicaServer.with(database: database.name),
                        scratchDirectory: directory.url.path
                    )
                }
                try await Task.sleep(for: .milliseconds(500))
                try await control.run(deadline: nil) { _ = try $0.query("SELECT pg_wal_replay_resume()") }
                let node = try await opened.value
                result = .success((node.current.latestRevision, report.revision))
                await node.close()
            } catch {
                result = .failure(error)
            }
            try? await control.run(deadline: nil) { _ = try $0.query("SELECT pg_wal_replay_resume()") }
            await control.close()
            let revisions = try result.get()
            #expect(revisions.served >= revisions.imported)
        }
    }

    /// Two nodes on one new database holding the repository's graph, and a worker on it for inspection.
    static func withNodes(
        _ body: (PostgresGraphService, PostgresGraphService, PostgresConnectionWorker) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory(prefix: "nodes")
        defer { directory.remove() }
        try await TestDatabase.with { database in
            try await PostgresSchema.migrate(database.worker)
            try await PostgresGraphImport(directory: Repository.url("Graph")).load(into: database.worker)
            let location = try database.location()
            let a = try await PostgresGraphService.open(
                primary: location,
                replica: nil,
                scratchDirectory: directory.url.path
            )
            let b: PostgresGraphService
            do {
                b = try await PostgresGraphService.open(
                    primary: location,
                    replica: nil,
                    scratchDirectory: directory.url.path
                )
            } catch {
                await a.close()
                throw error
            }
            let result: Result<Void, any Error>
            do {
                result = .success(try await body(a, b, database.worker))
            } catch {
                result = .failure(error)
            }
            await a.close()
            await b.close()
            try result.get()
        }
    }

    /// The revisions `stream` announces until one reaches `revision`; fails after 10 s.
    static func collect(_ stream: AsyncStream<Int64>, through revision: Int64) async throws -> [Int64] {
        try await withThrowingTaskGroup(of: [Int64]?.self) { group in
            group.addTask {
                var seen: [Int64] = []
                for await announced in stream {
                    seen.append(announced)
                    if announced >= revision { break }
                }
                return seen
            }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let seen = first else {
                throw ChronoError.deadlineExceeded("revision \(revision) was not announced within 10 s")
            }
            return seen
        }
    }

    /// A new person with `id`, citing the graph's first document.
    static func entity(_ id: String) -> JSONValue {
        .object([
            "record": "entity", "id": .string(id), "kind": "person", "name": .string("Node test \(id)"),
            "summary": "Written by a node test.", "aliases": .array([]), "attributes": .object([:]),
            "citations": .array([.object(["doc": .string(Self.document), "lines": .array([.int(1), .int(1)])])]),
        ])
    }

    static let document: String = {
        let text = (try? String(contentsOf: Repository.url("Graph/documents.jsonl"), encoding: .utf8)) ?? ""
        guard let line = text.split(separator: "\n").first,
            let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)),
            case .object(let members) = value, case .string(let id) = members["id"]
        else { return "" }
        return id
    }()
}
