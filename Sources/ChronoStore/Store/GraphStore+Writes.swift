public import ChronoGraph
internal import ChronoProtocol

extension GraphStore {
    /// Adds new records; the same as `write(upserts:retractions:)` with new records only, so a record
    /// whose kind and id are already stored is an error.
    public func insert(_ records: [LocatedRecord]) async throws -> Int64 {
        try await self.write(upserts: records, retractions: [], replacing: false)
    }

    /// Applies upserts and retractions in one transaction and returns the new revision: all or nothing.
    ///
    /// An upsert replaces the stored record of the same kind and id, or adds it; a retraction removes every
    /// record with that id. The result is validated as the loader validates a graph, and nothing may be left
    /// referring to a retracted record. Each change is logged at the new revision (`insert`, `update`,
    /// `delete`).
    /// - Throws: `GraphLoadError` naming the `file` and `line` of an invalid upsert; `ChronoError`
    ///   `NOT_FOUND` for an unknown retraction, `FAILED_PRECONDITION` for one still referred to.
    public func write(upserts: [LocatedRecord], retractions: [String]) async throws -> Int64 {
        try await self.write(upserts: upserts, retractions: retractions, replacing: true)
    }

    private func write(upserts: [LocatedRecord], retractions: [String], replacing: Bool) async throws -> Int64 {
        try await self.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                try connection.execute("PRAGMA defer_foreign_keys = ON")
                let revision = try Self.revision(connection) + 1
                let eraser = RecordEraser(connection: connection)
                var changes: [(kind: String, id: String, op: String)] = []
                for (index, id) in retractions.enumerated() {
                    let kinds = try eraser.kinds(of: id)
                    guard !kinds.isEmpty else {
                        throw ChronoError.notFound("retractions[\(index)]: no record \"\(id)\"")
                    }
                    for kind in kinds {
                        try eraser.delete(kind: kind, id: id)
                        changes.append((kind, id, "delete"))
                    }
                }
                var replaced: Set<String> = []
                if replacing {
                    for located in upserts where try eraser.kinds(of: located.record.id).contains(located.record.kind) {
                        try eraser.delete(kind: located.record.kind, id: located.record.id)
                        replaced.insert("\(located.record.kind)\u{0}\(located.record.id)")
                    }
                }
                let vocabulary = try Self.vocabulary(connection)
                try GraphValidator(vocabulary: vocabulary)
                    .validate(upserts, against: StoredGraphContent(connection: connection))
                let writer = RecordWriter(connection: connection, revision: revision)
                for located in RecordWriter.dependencyOrder(upserts) {
                    try writer.insert(located.record, logging: false)
                    let key = "\(located.record.kind)\u{0}\(located.record.id)"
                    changes.append(
                        (located.record.kind, located.record.id, replaced.contains(key) ? "update" : "insert")
                    )
                }
                for (index, id) in retractions.enumerated() {
                    if let referrer = try eraser.danglingReference(to: id) {
                        throw ChronoError.failedPrecondition(
                            "retractions[\(index)]: \(referrer) still refers to \"\(id)\""
                        )
                    }
                }
                try connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(revision)])
                let log = try connection.cached(
                    "INSERT OR REPLACE INTO changes(revision, kind, id, op) VALUES (?, ?, ?, ?)"
                )
                for change in changes {
                    try log.run([.integer(revision), .text(change.kind), .text(change.id), .text(change.op)])
                }
                return revision
            }
        }
    }

    /// The change log after `revision`, oldest first, at most `limit` entries.
    public func changes(
        after revision: Int64,
        limit: Int = 1_000,
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> [GraphChange] {
        try await self.read(deadline: deadline) { connection, _ in
            try connection.cached(
                "SELECT revision, kind, id, op FROM changes WHERE revision > ? ORDER BY revision, kind, id LIMIT ?"
            ).map([.integer(revision), .int(max(0, limit))]) { row in
                GraphChange(
                    revision: row.int64(0),
                    kind: row.text(1),
                    id: row.text(2),
                    op: GraphChange.Operation(rawValue: row.text(3)) ?? .update
                )
            }
        }
    }
}
