public import ChronoGraph
internal import ChronoProtocol
internal import Foundation

/// The graph database and its query engine.
///
/// Owns one writer connection and a small pool of reader connections (WAL mode), each confined to its
/// own serial queue: `run` never runs SQLite on the caller's thread or on the cooperative pool. Every such
/// read is `async`, takes an optional deadline, honours Task cancellation by interrupting SQLite, and returns
/// a result tagged with the graph revision it was computed at. `answerAtOnce` is the one exception: quick
/// readers answer on the caller's own thread (an event loop) within a short budget (`QuickReaders`).
public final class GraphStore: GraphReading {
    /// The database file.
    public let path: String
    let writer: ConnectionWorker
    private let readers: [ConnectionWorker]
    private let quickReaders: QuickReaders
    private let counter = RoundRobin()
    private let committedRevision: RevisionCell
    /// The bytes the records kept between calls take by default: every entity's reference, relation's edge and
    /// node's relations of a generated graph of 10^6 events (about 410 MB), and a budget that a smaller graph
    /// never fills.
    public static let defaultCacheBytes = 512 << 20
    /// Records read by any reader, kept for later calls at the same revision.
    private let caches: StoreCaches

    private init(
        path: String,
        writer: ConnectionWorker,
        readers: [ConnectionWorker],
        quickReaders: QuickReaders,
        committedRevision: RevisionCell,
        caches: StoreCaches
    ) {
        self.path = path
        self.caches = caches
        self.writer = writer
        self.readers = readers
        self.quickReaders = quickReaders
        self.committedRevision = committedRevision
    }

    /// Opens (creating and migrating if needed) the database at `path`.
    ///
    /// - Parameters:
    ///   - readers: reader connections on queues of their own, at least 1.
    ///   - quickReaders: reader connections for `answerAtOnce` on the caller's thread, one per thread that
    ///     asks at once (a server's event loops); with none, nothing is answered at once.
    ///   - cacheBytes: the most memory the entities' references, relations' edges and nodes' relations kept
    ///     between calls take (`StoreCaches`; 0 keeps none).
    public static func open(
        path: String,
        readers: Int = 2,
        quickReaders: Int = 0,
        cacheBytes: Int = defaultCacheBytes
    ) async throws -> GraphStore {
        // Every change goes through the writer, so reading the revision after each of its runs keeps the
        // cell current without a query per call.
        let committedRevision = RevisionCell()
        let writer = try await ConnectionWorker.open(
            path: path,
            label: "chronograph.store.writer",
            readOnly: false,
            afterEachRun: { connection in
                if let revision = try? Self.revision(connection) { committedRevision.store(revision) }
            }
        )
        try await writer.run(deadline: nil) { connection, _ in try Schema.migrate(connection) }
        var pool: [ConnectionWorker] = []
        for index in 0..<max(1, readers) {
            pool.append(
                try await ConnectionWorker.open(path: path, label: "chronograph.store.reader\(index)", readOnly: true)
            )
        }
        let quick = try await onOwnThread(named: "chronograph.store.open") {
            try QuickReaders(path: path, count: quickReaders)
        }
        return GraphStore(
            path: path,
            writer: writer,
            readers: pool,
            quickReaders: quick,
            committedRevision: committedRevision,
            caches: StoreCaches(bytes: cacheBytes)
        )
    }

    /// Runs a read-only `body` on a reader connection inside one read transaction (one snapshot).
    func read<T: Sendable>(
        deadline: ContinuousClock.Instant?,
        _ body: @escaping @Sendable (Connection, QueryContext) throws -> T
    ) async throws -> T {
        try await self.readerWorker().run(deadline: deadline) { connection, context in
            try connection.read { connection in try body(connection, context) }
        }
    }

    /// The reader queue a read runs on: the current one when a task already running on a reader's queue (it
    /// prefers that reader's executor) reads, else the next in turn.
    private func readerWorker() -> ConnectionWorker {
        self.readers.first { $0.executor.isCurrent } ?? self.readers[self.counter.next() % self.readers.count]
    }

    /// Reads every B-tree of the database (`Prewarm`) through each reader connection (the queues' at once, then
    /// the quick readers'), so the pages are
    /// mapped into each reader's view of the file before the first calls need them: a page's first touch
    /// through a mapping is a page fault, and a fresh reader pays one for each page a call reads (at 10^6
    /// events 20–50 a call until the pages it reads have all been touched once). Worth it when the file fits
    /// in memory; answers are unchanged. Then keeps every entity's reference, relation's edge and node's
    /// relations, as far as the caches' budgets allow (`StoreCaches`), so calls do not read them until the
    /// graph changes.
    ///
    /// - Returns: The pages of the file, and the B-trees each reader read.
    public func prewarm() async throws -> (pages: Int64, trees: Int) {
        try await withThrowingTaskGroup(of: (pages: Int64, trees: Int).self) { group in
            for reader in self.readers {
                group.addTask {
                    try await reader.run(deadline: nil) { connection, _ in
                        try connection.read { connection in try Prewarm.readEveryTree(connection) }
                    }
                }
            }
            var result: (pages: Int64, trees: Int) = (0, 0)
            for try await read in group { result = read }
            let caches = self.caches
            try await self.read(deadline: nil) { connection, _ in try Prewarm.fill(caches, connection) }
            try await onOwnThread(named: "chronograph.store.prewarm") { [quickReaders] in
                try quickReaders.withEach { connection in
                    _ = try connection.read { connection in try Prewarm.readEveryTree(connection) }
                }
            }
            return result
        }
    }

    /// Runs `body` with a `GraphReader` over a reader connection, at one revision (`answer`).
    func reading<T: Sendable>(
        deadline: ContinuousClock.Instant?,
        _ body: @escaping @Sendable (GraphReader) throws -> T
    ) async throws -> T {
        try await self.readerWorker().run(deadline: deadline) { connection, context in
            try self.answer(connection, context, body)
        }
    }

    /// What `body` answers with a reader over `connection` at the newest committed revision, inside one deferred
    /// read transaction.
    ///
    /// Every change goes through this store's writer, which stores the new revision in `committedRevision`
    /// before the write returns (chronod holds the file's `DatabaseLock`; no other process writes), so the records kept
    /// at that revision answer alone, and a deferred transaction that no statement reads in takes no snapshot
    /// (SQLite's read lock: two `fcntl` calls and the WAL index). Where a statement did read, its snapshot may
    /// be newer than that revision (a commit landed since it was loaded) and would be mixed with what the kept
    /// records gave: the answer is read again, at the snapshot's own revision.
    private func answer<T>(
        _ connection: Connection,
        _ context: QueryContext,
        _ body: (GraphReader) throws -> T
    ) throws -> T {
        let latest = self.committedRevision.load()
        let atLatest = try connection.read { connection -> Result<T, any Error>? in
            let answer = Result { try body(try self.reader(connection, context, at: latest)) }
            guard connection.hasSnapshot else { return answer }
            return try Self.revision(connection) == latest ? answer : nil
        }
        if let atLatest { return try atLatest.get() }
        return try connection.read { connection in
            try body(try self.reader(connection, context, at: try Self.revision(connection)))
        }
    }

    /// A `GraphReader` over `connection` at `revision`, inside its read transaction, that shares the records the
    /// store keeps.
    private func reader(_ connection: Connection, _ context: QueryContext, at revision: Int64) throws -> GraphReader {
        try self.caches.advance(to: revision) { after, limit in
            try ChangeLog.changes(after: after, through: revision, limit: limit, connection)
        }
        let rows = SQLiteRows(connection: connection, context: context)
        return GraphReader(rows: rows, context: context, caches: (self.caches, revision, rows))
    }

    /// Answers `query` on a reader connection, inside one read transaction.
    public func run<Query: GraphQuery>(
        _ query: Query,
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> Query.Result {
        try await self.reading(deadline: deadline) { reader in try query.answer(from: reader) }
    }

    /// Answers `query` at once on the calling thread, from a quick reader that is free, when it finishes before
    /// `budget` passes; `nil` otherwise (run it with `run`). See `QuickReaders`.
    public func answerAtOnce<Query: GraphQuery>(
        _ query: Query,
        budget: Duration,
        deadline: ContinuousClock.Instant?
    ) throws -> Query.Result? {
        try self.quickReaders.attempt(budget: budget, deadline: deadline) { connection, context in
            try self.answer(connection, context) { reader in try query.answer(from: reader) }
        }
    }

    /// Resolves an id, name or alias to one entity.
    ///
    /// - Throws: `UnknownEntityError` when nothing matches; `AmbiguousEntityError` when several do; both in
    ///   `role`.
    public func resolve(
        _ text: String,
        as role: EntityRole = .asked,
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> EntityRef {
        try await self.reading(deadline: deadline) { reader in try reader.resolve(text, as: role) }
    }

    /// A reader connection's queue as a task executor, in turn: a task that prefers it runs its reads on the
    /// same thread as its own code, with no hand-over between threads.
    public func readExecutor() -> (any TaskExecutor)? {
        self.readers[self.counter.next() % self.readers.count].executor
    }

    /// The current graph revision.
    public func revision() async throws -> Int64 {
        try await self.read(deadline: nil) { connection, _ in try Self.revision(connection) }
    }

    /// The revision of the newest commit, without touching the database: the value the writer read after
    /// its last transaction. Equal to `revision()` once every write has returned.
    public var latestRevision: Int64 {
        self.committedRevision.load()
    }

    static func revision(_ connection: Connection) throws -> Int64 {
        try connection.cached("SELECT value FROM meta WHERE key = 'revision'").first { $0.int64(0) } ?? 0
    }
}
