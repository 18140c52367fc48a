internal import ChronoProtocol
internal import Foundation

extension LiveGraph {
    /// Makes the live graph equal to snapshot `id`.
    ///
    /// The snapshot is checked (hashes, bounded inflation), loaded into a fresh database and checked with
    /// `PRAGMA integrity_check`; only then is the live graph changed, in one transaction, as one commit whose
    /// change log holds exactly the records that differ. Readers see the old graph or the new one, never a
    /// mix. On any failure nothing changes.
    public func restore(_ id: String) async throws -> WriteReport {
        defer { releaseFreedMemory() }
        let archive = try await self.archive(id)
        let label = "snapshot \(id)"
        let path = try self.scratchPath("restore", suffix: "sqlite")
        _ = try await self.build(archive, path: path)
        defer { SnapshotDatabase.remove(path) }
        return try await self.commit(source: label) { connection in
            var live = RecordExporter(connection: connection).records()
            var target = try archive.records()
            let difference = try CanonicalDifference(old: &live, new: &target)
            let upserts = try SnapshotDatabase.parse(difference.upserts, label: label)
            return (upserts, difference.removed.map(\.id))
        }
    }

    /// What differs between snapshot `from` and snapshot `to` (the live graph when `nil`).
    public func diff(from: String, to: String?) async throws -> SnapshotDiff {
        let old = try await self.archive(from)
        if let to { return try await SnapshotDiff.between(old, try await self.archive(to)) }
        return try await self.store.read(deadline: nil) { connection, _ in
            var current = RecordExporter(connection: connection).records()
            return try SnapshotDiff(from: old, toCurrent: &current, revision: try GraphStore.revision(connection))
        }
    }
}

/// The records that differ between two states of the graph, by kind and id.
public struct SnapshotDiff: Sendable, Hashable {
    /// The older snapshot.
    public var from: String
    /// The newer snapshot, or `nil` for the live graph.
    public var to: String?
    /// The older state's revision.
    public var fromRevision: Int64
    /// The newer state's revision.
    public var toRevision: Int64
    /// Records only in the newer state.
    public var added: [RecordKey]
    /// Records only in the older state.
    public var removed: [RecordKey]
    /// Records in both whose canonical form differs.
    public var changed: [RecordKey]

    /// What differs from snapshot `old` to snapshot `new`, both read as streams on a thread of their own (a read
    /// of a stored archive may block).
    package static func between(_ old: SnapshotArchive, _ new: SnapshotArchive) async throws -> SnapshotDiff {
        try await onOwnThread(named: "chronograph.store.diff") {
            var before = try old.records()
            var after = try new.records()
            return SnapshotDiff(
                from: old.manifest.id,
                to: new.manifest.id,
                fromRevision: old.manifest.revision,
                toRevision: new.manifest.revision,
                difference: try CanonicalDifference(old: &before, new: &after)
            )
        }
    }

    /// What differs from snapshot `old` to the current graph, whose records `current` reads at `revision`.
    package init(from old: SnapshotArchive, toCurrent current: inout some CanonicalRecordStream, revision: Int64) throws
    {
        var before = try old.records()
        self.init(
            from: old.manifest.id,
            to: nil,
            fromRevision: old.manifest.revision,
            toRevision: revision,
            difference: try CanonicalDifference(old: &before, new: &current)
        )
    }

    private init(from: String, to: String?, fromRevision: Int64, toRevision: Int64, difference: CanonicalDifference) {
        self.from = from
        self.to = to
        self.fromRevision = fromRevision
        self.toRevision = toRevision
        self.added = difference.added.map(\.key)
        self.removed = difference.removed
        self.changed = difference.changed.map(\.key)
    }
}
