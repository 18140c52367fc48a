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
        let archive = try await self.archive(id)
        let records = try archive.unpack()
        let label = "snapshot \(id)"
        let path = "\(self.snapshotStores.directory)/restore-\(UUID().uuidString).sqlite"
        try FileManager.default.createDirectory(
            atPath: self.snapshotStores.directory,
            withIntermediateDirectories: true
        )
        _ = try await self.build(records, manifest: archive.manifest, path: path)
        defer { SnapshotDatabase.remove(path) }
        let target = Dictionary(records.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
        return try await self.commit(source: label) { connection in
            let live = try RecordExporter(connection: connection).all()
            let current = Dictionary(live.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
            let retractions = live.filter { target[$0.key] == nil }.map(\.id)
            let upserts = records.filter { current[$0.key] != target[$0.key] }
            return (try SnapshotDatabase.parse(upserts, label: label), retractions)
        }
    }

    /// What differs between snapshot `from` and snapshot `to` (the live graph when `nil`).
    public func diff(from: String, to: String?) async throws -> SnapshotDiff {
        let old = try await self.archive(from)
        let oldRecords = try old.unpack()
        let newRecords: [CanonicalRecord]
        let newRevision: Int64
        if let to {
            let new = try await self.archive(to)
            newRecords = try new.unpack()
            newRevision = new.manifest.revision
        } else {
            (newRevision, newRecords) = try await self.store.read(deadline: nil) { connection, _ in
                (try GraphStore.revision(connection), try RecordExporter(connection: connection).all())
            }
        }
        return SnapshotDiff(
            from: from,
            to: to,
            fromRevision: old.manifest.revision,
            toRevision: newRevision,
            old: oldRecords,
            new: newRecords
        )
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

    /// The difference between the records of two states, compared by canonical line.
    package init(
        from: String,
        to: String?,
        fromRevision: Int64,
        toRevision: Int64,
        old: [CanonicalRecord],
        new: [CanonicalRecord]
    ) {
        let before = Dictionary(old.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
        self.from = from
        self.to = to
        self.fromRevision = fromRevision
        self.toRevision = toRevision
        self.added = after.keys.filter { before[$0] == nil }.sorted()
        self.removed = before.keys.filter { after[$0] == nil }.sorted()
        self.changed = after.filter { key, line in before[key].map { $0 != line } ?? false }.keys.sorted()
    }
}
