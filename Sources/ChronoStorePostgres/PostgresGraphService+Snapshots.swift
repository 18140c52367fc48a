internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import Foundation
internal import PostgresNIO

extension PostgresGraphService {
    /// Takes a snapshot of the graph now, as `LiveGraph` does: the canonical export read in one snapshot of
    /// the primary, packed as the same `SnapshotArchive` bytes into a file in the scratch directory, then stored
    /// a piece at a time (`PostgresStoredArchive`). Taking one twice at the same revision returns the same
    /// snapshot.
    package func createSnapshot() async throws -> SnapshotManifest {
        try await ArchiveFile.packed(at: try self.pastStores.scratchPath("create", suffix: "gz")) { file in
            try await self.writer.read(deadline: nil) { session in
                let rows = PostgresRows(session: session)
                var records = RecordExporter(rows: rows).records()
                return try SnapshotArchive.pack(&records, revision: try rows.revision()) {
                    try file.write(contentsOf: $0)
                }
            }
        } store: { archive in
            try await self.save(archive)
        }
    }

    /// Stores a snapshot exported elsewhere, as `LiveGraph` does: after checking its hashes, its id and that it
    /// loads into a fresh database (in the scratch directory, removed afterwards) with this graph's vocabulary.
    /// The archive is read from `archive.source` as it is checked, then again a piece at a time as it is stored.
    /// - Throws: `GraphError.snapshotIDMismatch` or `DATA_LOSS` when the bytes do not match the manifest;
    ///   `FAILED_PRECONDITION` when a record does not validate.
    package func importSnapshot(_ archive: SnapshotArchive) async throws -> SnapshotManifest {
        let expected = "r\(archive.manifest.revision)-\(archive.manifest.sha256.prefix(12))"
        guard archive.manifest.id == expected else {
            throw GraphError.snapshotIDMismatch(id: archive.manifest.id, expected: expected)
        }
        let path = try self.pastStores.scratchPath("import", suffix: "sqlite")
        _ = try await SnapshotDatabase.build(path: path, archive: archive, vocabulary: try await self.vocabulary())
        SnapshotDatabase.remove(path)
        try await self.save(archive)
        return archive.manifest
    }

    /// What differs between snapshot `from` and snapshot `to` (the current graph when `nil`), compared as
    /// `LiveGraph` compares them (`SnapshotDiff`).
    package func diff(from: String, to: String?) async throws -> SnapshotDiff {
        let old = try await self.archive(from)
        if let to { return try await SnapshotDiff.between(old, try await self.archive(to)) }
        return try await self.writer.read(deadline: nil) { session in
            let rows = PostgresRows(session: session)
            var current = RecordExporter(rows: rows).records()
            return try SnapshotDiff(from: old, toCurrent: &current, revision: try rows.revision())
        }
    }

    /// Makes the graph equal to snapshot `id`, as `LiveGraph` does: the snapshot is checked and test-loaded
    /// first, then one commit under the writer lock upserts the records that differ and retracts those the
    /// snapshot lacks (checked by `PostgresWritePlan` against the state they apply to).
    /// - Throws: `FAILED_PRECONDITION` naming the snapshot when the graph refuses the change.
    package func restore(_ id: String) async throws -> WriteReport {
        let archive = try await self.archive(id)
        let label = "snapshot \(id)"
        let path = try self.pastStores.scratchPath("restore", suffix: "sqlite")
        _ = try await SnapshotDatabase.build(path: path, archive: archive, vocabulary: try await self.vocabulary())
        SnapshotDatabase.remove(path)
        let report = try await self.writer.write(deadline: nil) { session in
            let current = try Self.lockRevision(session)
            var live = RecordExporter(rows: PostgresRows(session: session)).records()
            var target = try archive.records()
            let difference = try CanonicalDifference(old: &live, new: &target)
            let retractions = difference.removed.map(\.id)
            let upserts = try SnapshotDatabase.parse(difference.upserts, label: label)
            do {
                let plan = try PostgresWritePlan.check(session, upserts: upserts, retractions: retractions)
                return try plan.apply(session, revision: current + 1)
            } catch GraphError.refusedRetraction(let index, let reason) {
                throw ChronoError.failedPrecondition("\(label): retractions[\(index)]: \(reason)")
            }
        }
        if !self.readsReplica { await self.feed.announce(report.revision) }
        return report
    }

    /// Stores `archive` in `snapshots` and `snapshot_pieces` (nothing when a snapshot with its id is stored).
    private func save(_ archive: SnapshotArchive) async throws {
        let manifest = String(decoding: try WireWriter.bytes(of: archive.manifest), as: UTF8.self)
        let created = Int64(Date().timeIntervalSince1970 * 1000)
        try await self.writer.write(deadline: nil) { session in
            try PostgresStoredArchive.store(archive, manifest: manifest, createdMs: created, in: session)
        }
    }

    /// This graph's vocabulary rows.
    private func vocabulary() async throws -> [VocabularyRow] {
        try await self.writer.read(deadline: nil) { session in
            try session.query("SELECT section, term, meaning FROM vocabulary").map { row in
                let (section, term, meaning) = try row.decode((String, String, String).self)
                return VocabularyRow(section: section, term: term, meaning: meaning)
            }
        }
    }

    /// Every stored snapshot, oldest revision first.
    package func snapshots() async throws -> [SnapshotManifest] {
        try await self.writer.read(deadline: nil) { session in
            try session.query("SELECT manifest FROM snapshots ORDER BY revision, created_ms, id COLLATE \"C\"").map {
                try JSONDecoder().decode(SnapshotManifest.self, from: Data(try $0.decode(String.self).utf8))
            }
        }
    }

    /// The stored snapshot `id`, bytes and manifest, exactly as created; the bytes are read from the database as
    /// they are used (`PostgresStoredArchive`).
    /// - Throws: `GraphError.snapshotNotFound`.
    package func archive(_ id: String) async throws -> SnapshotArchive {
        var binds = PostgresBindings()
        binds.append(id)
        let values = binds
        let manifest = try await self.writer.read(deadline: nil) { session in
            try session.query("SELECT manifest FROM snapshots WHERE id = $1", values).first?.decode(String.self)
        }
        guard let manifest else { throw GraphError.snapshotNotFound(id: id) }
        return SnapshotArchive(
            manifest: try JSONDecoder().decode(SnapshotManifest.self, from: Data(manifest.utf8)),
            source: PostgresStoredArchive(location: self.writer.location, id: id)
        )
    }

    /// The store answering reads `as_of` snapshot `id`, unpacked into the scratch directory on first use and
    /// cached (with the stores of past revisions).
    package func reader(asOf id: String) async throws -> any GraphReading {
        try await self.pastStores.store(for: id) { path in
            let archive = try await self.archive(id)
            return try await SnapshotDatabase.build(
                path: path,
                archive: archive,
                vocabulary: try await self.vocabulary()
            )
        }
    }
}
