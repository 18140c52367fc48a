public import ChronoGraph
public import ChronoProtocol

/// A graph backend as the server uses it: reads, validated writes with revisions and a change log, the
/// commit feed, past revisions and stored snapshots. `LiveGraph` (SQLite) is the one implementation today;
/// a second backend implements this and `GraphReading`, and the server does not change.
///
/// Invariants every implementation keeps: each write commits as exactly one new revision, gap-free and in
/// commit order; `commits` announces a revision only once it is durable and readable through `current`.
public protocol GraphService: Sendable {
    /// The live graph's reader.
    var current: any GraphReading { get }
    /// Announces each commit.
    var commits: any CommitSource { get }
    /// The directory the daemon owns for its scratch files (unpacked snapshots, uploads); no one else writes
    /// there.
    var scratchDirectory: String { get }

    /// Validates and applies `upserts` (records in the `Graph/` model) and `retractions` (`kind:id`) as one
    /// commit. Nothing is written when any record is invalid (`GraphError`).
    func write(upserts: [JSONValue], retractions: [String]) async throws -> WriteReport
    /// Drops the change log through `revision`: earlier revisions can no longer be read or resumed from.
    func compact(through revision: Int64) async throws

    /// A reader of the graph as it was at `revision` (a subscription resuming `since_revision`).
    func reader(atRevision revision: Int64) async throws -> any GraphReading
    /// A reader of the graph as stored in snapshot `id` (`as_of`).
    func reader(asOf id: String) async throws -> any GraphReading

    /// Stores a snapshot of the current graph.
    func createSnapshot() async throws -> SnapshotManifest
    /// The stored snapshots, oldest first.
    func snapshots() async throws -> [SnapshotManifest]
    /// Snapshot `id` as a portable archive.
    func archive(_ id: String) async throws -> SnapshotArchive
    /// Stores an archive made elsewhere (read from `archive.source`, an upload's file), after checking it.
    func importSnapshot(_ archive: SnapshotArchive) async throws -> SnapshotManifest
    /// Makes snapshot `id` the current graph, as one new revision.
    func restore(_ id: String) async throws -> WriteReport
    /// What changed between two snapshots (or a snapshot and the current graph).
    func diff(from: String, to: String?) async throws -> SnapshotDiff
}
