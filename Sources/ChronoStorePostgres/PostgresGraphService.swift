internal import ChronoGraph
package import ChronoProtocol
package import ChronoStore
package import Logging
internal import PostgresNIO

/// PostgreSQL's `GraphService`: reads through `PostgresGraphStore` (on the replica when one is given), writes on
/// the primary, and the commit feed woken by the primary's notifications.
///
/// Several chronod processes may serve one database: each opens its own service; the primary orders their
/// writes (one gap-free revision per commit, whichever node took it).
package final class PostgresGraphService: GraphService {
    /// The reader every query goes through (the replica's when one was given).
    let reader: PostgresGraphStore
    /// The primary's connection for writes.
    let writer: PostgresConnectionWorker
    /// Every commit on the database, announced once `reader` can read it.
    let feed: PostgresCommitFeed
    /// Whether reads go to a replica (commits are then announced by the feed alone, once replayed).
    let readsReplica: Bool
    /// Stores rebuilt at past revisions and unpacked from snapshots, by revision or snapshot id, in the
    /// daemon's scratch directory.
    let pastStores: SnapshotStoreCache
    package let scratchDirectory: String
    let logger: Logger

    private init(
        reader: PostgresGraphStore,
        writer: PostgresConnectionWorker,
        feed: PostgresCommitFeed,
        readsReplica: Bool,
        scratchDirectory: String,
        logger: Logger
    ) {
        self.reader = reader
        self.writer = writer
        self.feed = feed
        self.readsReplica = readsReplica
        self.pastStores = SnapshotStoreCache(directory: scratchDirectory)
        self.scratchDirectory = scratchDirectory
        self.logger = logger
    }

    /// Connects to `primary` (writes, the commit feed) and reads from `replica`, or from the primary when it is
    /// `nil`, keeping at most `cacheBytes` of records between calls. The database must hold this build's schema
    /// (`PostgresSchema.migrate`).
    ///
    /// - Throws: `ChronoError.unavailable` when a server cannot be reached; `ChronoError.failedPrecondition` or
    ///   `PostgresSchemaError` when the schema is missing or newer than this build.
    package static func open(
        primary: PostgresLocation,
        replica: PostgresLocation?,
        scratchDirectory: String,
        cacheBytes: Int = GraphStore.defaultCacheBytes,
        logger: Logger = Logger(label: "chronograph.postgres")
    ) async throws -> PostgresGraphService {
        let writer = try await PostgresConnectionWorker.open(
            primary,
            label: "chronograph.postgres.writer",
            logger: logger
        )
        var reader: PostgresGraphStore?
        do {
            // A replica may not have replayed the migration of a primary prepared a moment ago.
            let store = try await PostgresGraphStore.open(
                replica ?? primary,
                schemaWait: replica == nil ? .zero : Self.replicaCatchUp,
                cacheBytes: cacheBytes
            )
            reader = store
            let feed = try await PostgresCommitFeed.start(primary, reader: store, logger: logger)
            return PostgresGraphService(
                reader: store,
                writer: writer,
                feed: feed,
                readsReplica: replica != nil,
                scratchDirectory: scratchDirectory,
                logger: logger
            )
        } catch {
            await reader?.close()
            await writer.close()
            throw error
        }
    }

    /// How long a starting node waits for its replica to replay the primary's schema.
    static let replicaCatchUp = Duration.seconds(30)

    /// Closes every connection; the service must not be used afterwards.
    package func close() async {
        await self.feed.stop()
        await self.reader.close()
        await self.writer.close()
    }

    package var current: any GraphReading { self.reader }

    package var commits: any CommitSource { self.feed }

    /// Validates and applies the write as one new revision, like `LiveGraph.write` (the same `GraphError`s,
    /// report and change log).
    ///
    /// The batch is parsed before any connection is used and checked (`PostgresWritePlan.check`) in a
    /// read-only snapshot, without the writer lock; the write transaction then takes the lock (the `meta`
    /// revision row, `FOR UPDATE`), which orders the writes of every node. When another commit came between the
    /// two, the batch is checked again under the lock, against the state it will be applied to.
    package func write(upserts: [JSONValue], retractions: [String]) async throws -> WriteReport {
        let batch = try WriteBatch.parse(upserts: upserts, retractions: retractions)
        let report = try await self.writer.run(deadline: nil) { session in
            let plan = try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { session in
                try PostgresWritePlan.check(session, upserts: batch, retractions: retractions)
            }
            return try session.transaction("BEGIN") { session in
                let current = try Self.lockRevision(session)
                let checked =
                    current == plan.revision
                    ? plan : try PostgresWritePlan.check(session, upserts: batch, retractions: retractions)
                return try checked.apply(session, revision: current + 1)
            }
        }
        if !self.readsReplica { await self.feed.announce(report.revision) }
        return report
    }

    /// Drops the change log through `revision`, under the writer lock.
    /// - Throws: `GraphError.revisionInFuture` for a revision after the current one.
    package func compact(through revision: Int64) async throws {
        try await self.writer.write(deadline: nil) { session in
            let current = try Self.lockRevision(session)
            guard revision <= current else {
                throw GraphError.revisionInFuture(revision: revision, current: current)
            }
            var binds = PostgresBindings()
            binds.append(revision)
            try session.query("DELETE FROM changes WHERE revision <= $1", binds)
            try session.query("DELETE FROM change_images WHERE revision <= $1", binds)
            try session.query("UPDATE meta SET value = greatest(value, $1) WHERE key = 'compacted'", binds)
        }
    }

    /// Takes the writer lock for the rest of the transaction and returns the current revision.
    static func lockRevision(_ session: PostgresSession) throws -> Int64 {
        let row = try session.query("SELECT value FROM meta WHERE key = 'revision' FOR UPDATE").first
        guard let revision = try row?.decode(Int64.self) else {
            throw ChronoError.failedPrecondition("the PostgreSQL database has no Chronograph schema; migrate it")
        }
        return revision
    }
}
