internal import ChronoProtocol

/// The graph as a live service: validated writes with revisions and a change log, a feed of commits for
/// subscribers, and stored snapshots that reads can be answered from (`as_of`).
///
/// Every write runs on the store's single writer connection in one `BEGIN IMMEDIATE` transaction, so
/// commits are totally ordered; `commits` announces each one after it is durable.
public final class LiveGraph: GraphService {
    /// The live database.
    public let store: GraphStore
    /// Announces each commit's revision.
    let feed = CommitFeed()
    /// Databases opened from snapshots for `as_of` reads, by snapshot id.
    let snapshotStores: SnapshotStoreCache

    /// Wraps `store`; `scratchDirectory` is where snapshot databases are unpacked (owned by the daemon).
    public init(store: GraphStore, scratchDirectory: String) {
        self.store = store
        self.snapshotStores = SnapshotStoreCache(directory: scratchDirectory)
    }

    public var current: any GraphReading { self.store }

    public var commits: any CommitSource { self.feed }

    public var scratchDirectory: String { self.snapshotStores.directory }
}
