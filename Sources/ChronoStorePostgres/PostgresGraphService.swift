package import ChronoGraph
package import ChronoProtocol
package import ChronoStore
package import Logging

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
    /// Where snapshot and past-revision stores are unpacked (owned by the daemon).
    let scratchDirectory: String
    let logger: Logger

    private init(
        reader: PostgresGraphStore,
        writer: PostgresConnectionWorker,
        scratchDirectory: String,
        logger: Logger
    ) {
        self.reader = reader
        self.writer = writer
        self.scratchDirectory = scratchDirectory
        self.logger = logger
    }

    /// Connects to `primary` (writes, the commit feed) and reads from `replica`, or from the primary when it is
    /// `nil`. The database must hold this build's schema (`PostgresSchema.migrate`).
    ///
    /// - Throws: `ChronoError.unavailable` when a server cannot be reached; `ChronoError.failedPrecondition` or
    ///   `PostgresSchemaError` when the schema is missing or newer than this build.
    package static func open(
        primary: PostgresLocation,
        replica: PostgresLocation?,
        scratchDirectory: String,
        logger: Logger = Logger(label: "chronograph.postgres")
    ) async throws -> PostgresGraphService {
        let writer = try await PostgresConnectionWorker.open(
            primary,
            label: "chronograph.postgres.writer",
            logger: logger
        )
        do {
            let reader = try await PostgresGraphStore.open(replica ?? primary)
            return PostgresGraphService(
                reader: reader,
                writer: writer,
                scratchDirectory: scratchDirectory,
                logger: logger
            )
        } catch {
            await writer.close()
            throw error
        }
    }

    /// Closes every connection; the service must not be used afterwards.
    package func close() async {
        await self.reader.close()
        await self.writer.close()
    }

    package var current: any GraphReading { self.reader }

    package var commits: any CommitSource { fatalError("PostgreSQL commit feed: not built yet") }

    package func write(upserts: [JSONValue], retractions: [String]) async throws -> WriteReport {
        throw ChronoError.unimplemented("writes on PostgreSQL are not built yet")
    }

    package func compact(through revision: Int64) async throws {
        throw ChronoError.unimplemented("compaction on PostgreSQL is not built yet")
    }

    package func reader(atRevision revision: Int64) async throws -> any GraphReading {
        throw ChronoError.unimplemented("past revisions on PostgreSQL are not built yet")
    }

    package func reader(asOf id: String) async throws -> any GraphReading {
        throw ChronoError.unimplemented("as_of on PostgreSQL is not built yet")
    }

    package func createSnapshot() async throws -> SnapshotManifest {
        throw ChronoError.unimplemented("snapshots on PostgreSQL are not built yet")
    }

    package func snapshots() async throws -> [SnapshotManifest] {
        throw ChronoError.unimplemented("snapshots on PostgreSQL are not built yet")
    }

    package func archive(_ id: String) async throws -> SnapshotArchive {
        throw ChronoError.unimplemented("snapshots on PostgreSQL are not built yet")
    }

    package func importSnapshot(_ archive: SnapshotArchive) async throws -> SnapshotManifest {
        throw ChronoError.unimplemented("snapshots on PostgreSQL are not built yet")
    }

    package func restore(_ id: String) async throws -> WriteReport {
        throw ChronoError.unimplemented("snapshots on PostgreSQL are not built yet")
    }

    package func diff(from: String, to: String?) async throws -> SnapshotDiff {
        throw ChronoError.unimplemented("snapshots on PostgreSQL are not built yet")
    }
}
