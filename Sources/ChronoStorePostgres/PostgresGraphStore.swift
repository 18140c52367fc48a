package import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import PostgresNIO

/// PostgreSQL's `GraphReading`: every query answered by ChronoStore's `GraphReader` over `PostgresRows`, in
/// one `REPEATABLE READ READ ONLY` transaction on one of a small pool of reader connections taken in turn.
///
/// The entities' references, the relations' edges and the nodes' relations its calls read are kept for later
/// calls (`StoreCaches`, as a SQLite store keeps them): each read moves them to the revision of its snapshot,
/// dropping what the change log says changed since, whichever node committed it. A reader connection that
/// connects again (a restart, a failover behind the same address, whose history may have lost the last commits
/// and numbered new ones alike) forgets them all first.
///
/// `latestRevision` is the newest revision any of its reads has seen (read once at `open`, then advanced by
/// each result); it does not follow commits made elsewhere until a read sees them.
package final class PostgresGraphStore: GraphReading {
    private let readers: [PostgresConnectionWorker]
    private let counter = RoundRobin()
    private let seenRevision = RevisionCell()
    private let caches: StoreCaches

    private init(readers: [PostgresConnectionWorker], caches: StoreCaches) {
        self.readers = readers
        self.caches = caches
    }

    /// Connects `readers` (at least 1) reader connections to `location`, whose schema must be this build's;
    /// the records kept between calls take at most `cacheBytes` (0 keeps none).
    ///
    /// A replica may lag behind a primary that was just migrated: `schemaWait` is how long to wait for this
    /// build's schema to arrive before giving up (zero on the primary, where `prepare` has just migrated it).
    ///
    /// - Throws: `ChronoError.unavailable` when the server cannot be reached; `PostgresSchemaError` when the
    ///   database was migrated by a newer build; `ChronoError.failedPrecondition` when it has no schema yet.
    package static func open(
        _ location: PostgresLocation,
        readers: Int = 2,
        schemaWait: Duration = .zero,
        cacheBytes: Int = GraphStore.defaultCacheBytes
    ) async throws -> PostgresGraphStore {
        var pool: [PostgresConnectionWorker] = []
        let caches = StoreCaches(bytes: cacheBytes)
        do {
            for index in 0..<max(1, readers) {
                pool.append(
                    try await PostgresConnectionWorker.open(
                        location,
                        label: "chronograph.postgres.reader\(index)",
                        onReconnect: { caches.reset() }
                    )
                )
            }
            let store = PostgresGraphStore(readers: pool, caches: caches)
            let deadline = ContinuousClock.now + schemaWait
            var pause = Duration.milliseconds(5)
            while true {
                let version = try await pool[0].read(deadline: nil) { session in
                    try PostgresSchema.storedVersion(session)
                }
                guard version <= PostgresSchema.version else {
                    throw PostgresSchemaError(found: version, supported: PostgresSchema.version)
                }
                if version == PostgresSchema.version { break }
                guard ContinuousClock.now + pause < deadline else {
                    throw ChronoError.failedPrecondition(
                        "the PostgreSQL database's schema is version \(version); migrate it to \(PostgresSchema.version)"
                    )
                }
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(100))
            }
            let revision = try await pool[0].read(deadline: nil) { session in
                try PostgresRows(session: session).revision()
            }
            store.seenRevision.store(revision)
            return store
        } catch {
            for worker in pool { await worker.close() }
            throw error
        }
    }

    /// Runs `body` with a `GraphReader` over the next reader connection, inside one read transaction.
    private func reading<T: Sendable>(
        deadline: ContinuousClock.Instant?,
        _ body: @escaping @Sendable (GraphReader) throws -> T
    ) async throws -> T {
        let reader = self.readers[self.counter.next() % self.readers.count]
        let caches = self.caches
        return try await reader.read(deadline: deadline) { session in
            let rows = PostgresRows(session: session)
            let revision = try rows.revision()
            try caches.advance(to: revision) { after, limit in
                try rows.changes(after: after, through: revision, limit: limit)
            }
            return try body(GraphReader(rows: rows, context: session.context, caches: caches, revision: revision))
        }
    }

    package func run<Query: GraphQuery>(
        _ query: Query,
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> Query.Result {
        let result = try await self.reading(deadline: deadline) { reader in try query.answer(from: reader) }
        self.seenRevision.advance(to: result.revision)
        return result
    }

    package func changes(
        after revision: Int64,
        limit: Int = 1_000,
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> [GraphChange] {
        let reader = self.readers[self.counter.next() % self.readers.count]
        return try await reader.read(deadline: deadline) { session in
            var binds = PostgresBindings()
            binds.append(revision)
            binds.append(Int64(max(0, limit)))
            return try session.query(
                """
                SELECT revision, kind, id, op FROM changes WHERE revision > $1
                ORDER BY revision, kind COLLATE "C", id COLLATE "C" LIMIT $2
                """,
                binds
            ).map { row in
                let (revision, kind, id, op) = try row.decode((Int64, String, String, String).self)
                return GraphChange(
                    revision: revision,
                    kind: try RecordKind(stored: kind),
                    id: id,
                    op: try GraphChange.Operation(stored: op)
                )
            }
        }
    }

    package var latestRevision: Int64 { self.seenRevision.load() }

    /// Returns once this store's reads see `revision` or later (on a replica: once it has replayed that
    /// commit), polling with a pause growing from 1 ms to 50 ms.
    ///
    /// - Throws: `ChronoError.unavailable` when `revision` is still not readable after `timeout`.
    package func waitFor(revision: Int64, timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        var pause = Duration.milliseconds(1)
        while self.latestRevision < revision {
            let reader = self.readers[self.counter.next() % self.readers.count]
            let seen = try await reader.read(deadline: deadline) { session in
                try PostgresRows(session: session).revision()
            }
            self.seenRevision.advance(to: seen)
            guard seen < revision else { return }
            guard ContinuousClock.now + pause < deadline else {
                throw ChronoError.unavailable("PostgreSQL reads do not reach revision \(revision) after \(timeout)")
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(50))
        }
    }

    /// `nil`: PostgreSQL's reads wait on the server, so running a caller's code on a reader's queue gains nothing.
    package func readExecutor() -> (any TaskExecutor)? { nil }

    /// `nil`: every PostgreSQL read is a round trip to the server, which an event loop must not wait for.
    package func answerAtOnce<Query: GraphQuery>(
        _ query: Query,
        budget: Duration,
        deadline: ContinuousClock.Instant?
    ) throws -> Query.Result? { nil }

    /// Closes every reader connection; the store must not be used afterwards.
    package func close() async {
        for reader in self.readers { await reader.close() }
    }
}
