internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import Foundation
internal import PostgresNIO

extension PostgresGraphService {
    /// Takes a snapshot of the graph now, as `LiveGraph` does: the canonical export read in one snapshot of
    /// the primary, packed as the same `SnapshotArchive` bytes and stored in `snapshots`. Taking one twice at
    /// the same revision returns the same snapshot.
    package func createSnapshot() async throws -> SnapshotManifest {
        let (revision, records) = try await self.writer.read(deadline: nil) { session in
            let rows = PostgresRows(session: session)
            return (try rows.revision(), try RecordExporter(rows: rows).all())
        }
        let archive = try SnapshotArchive.pack(records, revision: revision)
        var binds = PostgresBindings()
        binds.append(archive.manifest.id)
        binds.append(archive.manifest.revision)
        binds.append(Int64(Date().timeIntervalSince1970 * 1000))
        binds.append(String(decoding: try WireWriter.bytes(of: archive.manifest), as: UTF8.self))
        binds.append(ByteBuffer(bytes: archive.compressed))
        let values = binds
        try await self.writer.write(deadline: nil) { session in
            try session.query(
                """
                INSERT INTO snapshots(id, revision, created_ms, manifest, data) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (id) DO NOTHING
                """,
                values
            )
        }
        return archive.manifest
    }

    /// Every stored snapshot, oldest revision first.
    package func snapshots() async throws -> [SnapshotManifest] {
        try await self.writer.read(deadline: nil) { session in
            try session.query("SELECT manifest FROM snapshots ORDER BY revision, created_ms, id COLLATE \"C\"").map {
                try JSONDecoder().decode(SnapshotManifest.self, from: Data(try $0.decode(String.self).utf8))
            }
        }
    }

    /// The stored snapshot `id`, bytes and manifest, exactly as created.
    /// - Throws: `GraphError.snapshotNotFound`.
    package func archive(_ id: String) async throws -> SnapshotArchive {
        var binds = PostgresBindings()
        binds.append(id)
        let values = binds
        let found = try await self.writer.read(deadline: nil) { session in
            try session.query("SELECT manifest, data FROM snapshots WHERE id = $1", values).first.map { row in
                let (manifest, data) = try row.decode((String, ByteBuffer).self)
                return SnapshotArchive(
                    manifest: try JSONDecoder().decode(SnapshotManifest.self, from: Data(manifest.utf8)),
                    compressed: Array(data.readableBytesView)
                )
            }
        }
        guard let found else { throw GraphError.snapshotNotFound(id: id) }
        return found
    }

    /// The store answering reads `as_of` snapshot `id`, unpacked into the scratch directory on first use and
    /// cached (with the stores of past revisions).
    package func reader(asOf id: String) async throws -> any GraphReading {
        try await self.pastStores.store(for: id) { path in
            let archive = try await self.archive(id)
            let vocabulary = try await self.writer.read(deadline: nil) { session in
                try session.query("SELECT section, term, meaning FROM vocabulary").map { row in
                    let (section, term, meaning) = try row.decode((String, String, String).self)
                    return VocabularyRow(section: section, term: term, meaning: meaning)
                }
            }
            return try await SnapshotDatabase.build(
                path: path,
                records: try archive.unpack(),
                revision: archive.manifest.revision,
                vocabulary: vocabulary,
                label: "snapshot \(archive.manifest.id)"
            )
        }
    }
}
