internal import ChronoGraph
internal import ChronoProtocol
internal import Foundation

/// Loads a snapshot's records into a fresh database file, the way the loader loads `Graph/`.
///
/// The records are validated by `GraphValidator` against `vocabulary`, written in one transaction at the
/// snapshot's revision, and the file must pass `PRAGMA integrity_check`; on any failure the file is removed.
package enum SnapshotDatabase {
    /// Builds the database at `path` (which must not exist) and opens it as a store.
    package static func build(
        path: String,
        records: [CanonicalRecord],
        revision: Int64,
        vocabulary: [VocabularyRow],
        label: String
    ) async throws -> GraphStore {
        let located = try Self.parse(records, label: label)
        do {
            let store = try await GraphStore.open(path: path, readers: 1)
            try await store.writer.run(deadline: nil) { connection, _ in
                try connection.transaction { connection in
                    let insert = try connection.cached(
                        "INSERT INTO vocabulary(section, term, meaning) VALUES (?, ?, ?)"
                    )
                    for row in vocabulary { try insert.run([.text(row.section), .text(row.term), .text(row.meaning)]) }
                    try GraphValidator(vocabulary: try GraphStore.vocabulary(connection))
                        .validate(located, against: StoredGraphContent(connection: connection))
                    let writer = RecordWriter(connection: connection, revision: revision)
                    for record in RecordWriter.dependencyOrder(located) { try writer.insert(record.record) }
                    try connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(revision)])
                }
                let report = try connection.prepare("PRAGMA integrity_check").map { $0.text(0) }
                guard report == ["ok"] else {
                    throw ChronoError.dataLoss("\(label): integrity_check: \(report.prefix(3).joined(separator: "; "))")
                }
            }
            return store
        } catch let error as GraphLoadError {
            Self.remove(path)
            throw ChronoError.failedPrecondition("\(label): \(error.description)")
        } catch {
            Self.remove(path)
            throw error
        }
    }

    /// Deletes a database file and its WAL companions.
    package static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
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
