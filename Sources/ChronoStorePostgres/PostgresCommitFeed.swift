internal import ChronoProtocol
internal import ChronoStore
internal import Foundation
package import Logging
internal import PostgresNIO

/// PostgreSQL's `CommitSource`: every commit on the database, whichever process made it, announced to this
/// node's listeners (ChronoStore's `CommitFeed`, so the same invariants hold).
///
/// One dedicated connection to the primary `LISTEN`s on `PostgresWritePlan.channel`; each write announces its
/// revision there at commit. When that connection is cut, it reconnects by itself (backoff from 50 ms doubling
/// to 2 s) and, once listening again, reads the current revision and announces it, so commits made while it
/// was away are never silently skipped (listeners need only the newest). A revision is announced only once
/// `reader` can read it (`PostgresGraphStore.waitFor`): on a replica, after it has replayed the commit.
///
/// `@unchecked Sendable`: `task` and `currentEpoch` are guarded by `lock`.
package final class PostgresCommitFeed: CommitSource, @unchecked Sendable {
    /// The `application_name` of the listening connection, as `pg_stat_activity` shows it.
    package static let applicationName = "chronograph-commit-feed"
    private let feed = CommitFeed()
    private let location: PostgresLocation
    private let reader: PostgresGraphStore
    private let logger: Logger
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var currentEpoch = ""
    /// How many times the feed has started listening (1 after `start`, more after reconnections).
    private var listens = 0

    /// Starts listening on `location` (the primary); returns once the first `LISTEN` is in place.
    ///
    /// - Throws: `ChronoError.unavailable` when the first connection fails.
    package static func start(
        _ location: PostgresLocation,
        reader: PostgresGraphStore,
        logger: Logger
    ) async throws -> PostgresCommitFeed {
        let feed = PostgresCommitFeed(location: location, reader: reader, logger: logger)
        let connection = try await feed.connect()
        let (ready, signal) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
        let task = Task { await feed.follow(first: connection, ready: signal) }
        feed.lock.withLock { feed.task = task }
        for await outcome in ready {
            try outcome.get()
            break
        }
        return feed
    }

    private init(location: PostgresLocation, reader: PostgresGraphStore, logger: Logger) {
        self.location = location
        self.reader = reader
        self.logger = logger
    }

    package func listen() -> AsyncStream<Int64> { self.feed.listen() }

    package var latestRevision: Int64 { self.feed.latestRevision }

    /// The primary's system identifier and timeline (`<system>/<timeline>`), read at each (re)connection.
    package var epoch: String { self.lock.withLock { self.currentEpoch } }

    /// How many times the feed has started listening: 1, plus one per reconnection.
    package var listenCount: Int { self.lock.withLock { self.listens } }

    /// Announces `revision` once the reader can read it; a revision older than one announced is dropped.
    package func announce(_ revision: Int64) async {
        guard revision > self.feed.latestRevision else { return }
        do {
            try await self.reader.waitFor(revision: revision)
            self.feed.publish(revision)
        } catch {
            self.logger.error(
                "commit feed: revision \(revision) not readable; announced with the next commit",
                metadata: ["error": "\(error)"]
            )
        }
    }

    /// Stops listening; the feed announces nothing afterwards.
    package func stop() async {
        let task = self.lock.withLock { self.task }
        task?.cancel()
        await task?.value
    }

    private func connect() async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(
                configuration: self.location.configuration,
                id: 1,
                logger: self.logger
            )
        } catch {
            throw ChronoError.unavailable("cannot connect to PostgreSQL at \(self.location) for the commit feed")
        }
    }

    /// Listens on `first`, then on new connections after each cut, until cancelled; tells `ready` once the
    /// first `LISTEN` is in place, or why the first attempt failed (and then stops).
    private func follow(first: PostgresConnection, ready: AsyncStream<Result<Void, any Error>>.Continuation) async {
        var connection: PostgresConnection? = first
        var delay: Duration = .milliseconds(50)
        var listening = false
        while !Task.isCancelled {
            if let current = connection {
                do {
                    try await current.listen(on: PostgresWritePlan.channel) { notifications in
                        try await self.resynchronise(current)
                        if !listening { ready.yield(.success(())) }
                        listening = true
                        delay = .milliseconds(50)
                        for try await notification in notifications {
                            guard let revision = Int64(notification.payload) else { continue }
                            await self.announce(revision)
                        }
                    }
                } catch {
                    if !listening {
                        try? await current.close()
                        ready.yield(.failure(error))
                        ready.finish()
                        return
                    }
                    if !Task.isCancelled {
                        self.logger.warning("commit feed: listening stopped", metadata: ["error": "\(error)"])
                    }
                }
                try? await current.close()
                connection = nil
            }
            guard !Task.isCancelled else { break }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(2))
            connection = try? await self.connect()
        }
        // Cancelled right after a reconnection: that connection is closed, not dropped (postgres-nio asserts it).
        try? await connection?.close()
        ready.finish()
    }

    /// Reads the epoch and the current revision, and announces the revision (what a cut may have hidden).
    private func resynchronise(_ connection: PostgresConnection) async throws {
        let sql = """
            SELECT set_config('application_name', '\(Self.applicationName)', false),
                (SELECT system_identifier FROM pg_control_system())::text || '/'
                || CASE WHEN pg_is_in_recovery() THEN (SELECT timeline_id FROM pg_control_checkpoint())::text
                   ELSE ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int::text END,
                (SELECT value FROM meta WHERE key = 'revision')
            """
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: self.logger)
        var found: (String, Int64)?
        for try await row in rows {
            let (_, epoch, revision) = try row.decode((String, String, Int64).self)
            found = (epoch, revision)
        }
        guard let (epoch, revision) = found else { return }
        self.lock.withLock {
            if !self.currentEpoch.isEmpty, self.currentEpoch != epoch {
                self.logger.warning("commit feed: the database failed over", metadata: ["epoch": "\(epoch)"])
            }
            self.currentEpoch = epoch
            self.listens += 1
        }
        await self.announce(revision)
    }
}
