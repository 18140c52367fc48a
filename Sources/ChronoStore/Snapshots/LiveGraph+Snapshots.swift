internal import ChronoProtocol
internal import Foundation

extension LiveGraph {
    /// Takes a snapshot of the graph now: a canonical export, gzip-compressed, stored in the database.
    /// Taking one twice at the same revision returns the same snapshot.
    ///
    /// The archive is packed into a file in the scratch directory, then copied into the database a piece at a
    /// time (`save`): it is never one array in memory.
    public func createSnapshot() async throws -> SnapshotManifest {
        defer { releaseFreedMemory() }
        return try await ArchiveFile.packed(at: try self.scratchPath("create", suffix: "gz")) { file in
            try await self.store.read(deadline: nil) { connection, _ in
                var records = RecordExporter(connection: connection).records()
                return try SnapshotArchive.pack(&records, revision: try GraphStore.revision(connection)) { bytes in
                    try file.write(contentsOf: bytes)
                }
            }
        } store: { archive in
            try await self.save(archive)
        }
    }

    /// Every stored snapshot, oldest revision first.
    public func snapshots() async throws -> [SnapshotManifest] {
        try await self.store.read(deadline: nil) { connection, _ in
            try connection.cached("SELECT manifest FROM snapshots ORDER BY revision, created_ms, id").map { row in
                try JSONDecoder().decode(SnapshotManifest.self, from: Data(row.text(0).utf8))
            }
        }
    }

    /// The stored snapshot `id`, bytes and manifest, exactly as created or imported; the bytes are read from the
    /// database as they are used (`StoredArchive`).
    /// - Throws: `GraphError.snapshotNotFound`.
    public func archive(_ id: String) async throws -> SnapshotArchive {
        let path = self.store.path
        let found = try await self.store.read(deadline: nil) { connection, _ in
            try connection.cached("SELECT manifest, rowid FROM snapshots WHERE id = ?").first([.text(id)]) { row in
                SnapshotArchive(
                    manifest: try JSONDecoder().decode(SnapshotManifest.self, from: Data(row.text(0).utf8)),
                    source: StoredArchive(path: path, rowid: row.int64(1))
                )
            }
        }
        guard let found else { throw GraphError.snapshotNotFound(id: id) }
        return found
    }

    /// Stores a snapshot exported elsewhere, after checking its hashes and that it loads into a fresh database.
    /// - Throws: `GraphError.snapshotIDMismatch` or `DATA_LOSS` when the bytes do not match the manifest;
    ///   `FAILED_PRECONDITION` when a record does not validate against this graph's vocabulary.
    public func importSnapshot(_ archive: SnapshotArchive) async throws -> SnapshotManifest {
        let expected = "r\(archive.manifest.revision)-\(archive.manifest.sha256.prefix(12))"
        guard archive.manifest.id == expected else {
            throw GraphError.snapshotIDMismatch(id: archive.manifest.id, expected: expected)
        }
        let path = try self.scratchPath("import", suffix: "sqlite")
        _ = try await self.build(archive, path: path)
        SnapshotDatabase.remove(path)
        try await self.save(archive)
        return archive.manifest
    }

    /// The store answering reads `as_of` snapshot `id`, unpacked on first use and cached.
    public func reader(asOf id: String) async throws -> any GraphReading {
        try await self.snapshotStores.store(for: id) { path in
            let archive = try await self.archive(id)
            return try await self.build(archive, path: path)
        }
    }

    /// Loads snapshot `archive` into a fresh database at `path` with this graph's vocabulary.
    func build(_ archive: SnapshotArchive, path: String) async throws -> GraphStore {
        let vocabulary = try await self.store.read(deadline: nil) { connection, _ in try VocabularyRow.all(connection) }
        return try await SnapshotDatabase.build(path: path, archive: archive, vocabulary: vocabulary)
    }

    /// A new path in the daemon's scratch directory (created if needed): `<prefix>-<uuid>.<suffix>`.
    func scratchPath(_ prefix: String, suffix: String) throws -> String {
        try self.snapshotStores.scratchPath(prefix, suffix: suffix)
    }

    /// Stores `archive` in `snapshots` (nothing when a snapshot with its id is stored).
    private func save(_ archive: SnapshotArchive) async throws {
        let manifest = String(decoding: try WireWriter.bytes(of: archive.manifest), as: UTF8.self)
        let created = Int64(Date().timeIntervalSince1970 * 1000)
        try await self.store.writer.run(deadline: nil) { connection, _ in
            try StoredArchive.store(archive, manifest: manifest, createdMs: created, in: connection)
        }
    }
}
