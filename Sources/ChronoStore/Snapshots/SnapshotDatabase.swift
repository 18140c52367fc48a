internal import ChronoGraph
internal import ChronoProtocol
internal import Foundation

/// Loads a snapshot's records into a fresh database file, the way the loader builds one from `Graph/`.
///
/// The records are checked and written as they are read (`StreamingImport`, validated by `GraphValidator`
/// against `vocabulary`) in one bulk-load transaction at the snapshot's revision (`Connection.bulkLoad`, the
/// secondary indexes built once at the end), on a thread of its own; the file must then pass
/// `PRAGMA integrity_check`. On any failure the file is removed. Memory does not grow with the snapshot.
package enum SnapshotDatabase {
    /// SQLite's page cache while building, in KiB: a quarter of the import's (`GraphLoader.buildCacheKiB`), as
    /// a snapshot is built while the daemon serves.
    static let buildCacheKiB = 32_768

    /// Builds the database at `path` (which must not exist) from snapshot `archive` and opens it as a store.
    ///
    /// - Throws: `DATA_LOSS` when the archive does not match its manifest; `FAILED_PRECONDITION` naming the
    ///   snapshot's line when a record does not validate.
    package static func build(
        path: String,
        archive: SnapshotArchive,
        vocabulary: [VocabularyRow]
    ) async throws -> GraphStore {
        // The first pass over the archive (its size and hash) reads it whole, and a read may block.
        let records = try await onOwnThread(named: "chronograph.store.snapshot") { try archive.records() }
        return try await Self.build(
            path: path,
            records: records,
            revision: archive.manifest.revision,
            vocabulary: vocabulary,
            label: records.label
        )
    }

    /// Builds the database at `path` (which must not exist) from `records` taken at `revision`.
    ///
    /// - Throws: `FAILED_PRECONDITION` naming `label` and the record's position when one does not validate,
    ///   or what the stream throws.
    package static func build(
        path: String,
        records: some CanonicalRecordStream,
        revision: Int64,
        vocabulary: [VocabularyRow],
        label: String
    ) async throws -> GraphStore {
        nonisolated(unsafe) var source = records
        do {
            try await onOwnThread(named: "chronograph.store.snapshot") {
                defer { releaseFreedMemory() }
                try Connection.bulkLoad(newFile: path, cacheKiB: Self.buildCacheKiB) { connection in
                    let insert = try connection.cached(
                        "INSERT INTO vocabulary(section, term, meaning) VALUES (?, ?, ?)"
                    )
                    for row in vocabulary { try insert.run([.text(row.section), .text(row.term), .text(row.meaning)]) }
                    let validator = GraphValidator(vocabulary: try GraphStore.vocabulary(connection))
                    try connection.withSecondaryIndexesDeferred { connection in
                        var importer = StreamingImport(
                            validator: validator,
                            writer: RecordWriter(connection: connection, revision: revision)
                        )
                        try Self.load(&source, into: &importer, label: label)
                    }
                    try connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(revision)])
                }
                let report = try Connection(path: path).prepare("PRAGMA integrity_check").map { $0.text(0) }
                guard report == ["ok"] else {
                    throw ChronoError.dataLoss("\(label): integrity_check: \(report.prefix(3).joined(separator: "; "))")
                }
            }
            return try await GraphStore.open(path: path, readers: 1)
        } catch let error as GraphLoadError {
            Self.remove(path)
            throw ChronoError.failedPrecondition("\(label): \(error.description)")
        } catch {
            Self.remove(path)
            throw error
        }
    }

    /// Parses each record of `records` and hands it to `importer`, then finishes the import.
    private static func load(
        _ records: inout some CanonicalRecordStream,
        into importer: inout StreamingImport,
        label: String
    ) throws {
        let parser = GraphRecordParser()
        var position = 0
        while let record = try records.next() {
            position += 1
            let parsed: GraphRecord
            do throws(JSONFieldError) {
                parsed = try parser.parse(record.value)
            } catch {
                throw ChronoError.failedPrecondition("\(label):\(position): \(error.description)")
            }
            try importer.add(LocatedRecord(record: parsed, origin: .line(position, in: label)))
        }
        try importer.finish()
    }

    /// Deletes a database file and its WAL companions.
    package static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The records as located records (`<label>:<line>` in errors).
    package static func parse(_ records: [CanonicalRecord], label: String) throws -> [LocatedRecord] {
        let parser = GraphRecordParser()
        return try records.enumerated().map { index, record in
            do throws(JSONFieldError) {
                return LocatedRecord(record: try parser.parse(record.value), origin: .line(index + 1, in: label))
            } catch {
                throw ChronoError.failedPrecondition("\(label):\(index + 1): \(error.description)")
            }
        }
    }
}

/// One row of the `vocabulary` table.
package struct VocabularyRow: Sendable, Hashable {
    package var section: String
    package var term: String
    package var meaning: String

    package init(section: String, term: String, meaning: String) {
        (self.section, self.term, self.meaning) = (section, term, meaning)
    }

    /// Every row of `connection`'s vocabulary.
    static func all(_ connection: Connection) throws -> [VocabularyRow] {
        try connection.cached("SELECT section, term, meaning FROM vocabulary ORDER BY section, term").map { row in
            VocabularyRow(section: row.text(0), term: row.text(1), meaning: row.text(2))
        }
    }
}
