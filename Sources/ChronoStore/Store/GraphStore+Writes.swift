public import ChronoGraph

extension GraphStore {
    /// Adds new records in one transaction, after validating them as the loader does, and returns the new
    /// revision. Each record is logged in the change log at that revision. On any error nothing is written.
    ///
    /// - Throws: `GraphLoadError` naming the `file` and `line` of the first invalid record.
    public func insert(_ records: [LocatedRecord]) async throws -> Int64 {
        try await self.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                let vocabulary = try Self.vocabulary(connection)
                try GraphValidator(vocabulary: vocabulary)
                    .validate(records, against: StoredGraphContent(connection: connection))
                let revision = try Self.revision(connection) + 1
                try connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(revision)])
                let writer = RecordWriter(connection: connection, revision: revision)
                for located in RecordWriter.dependencyOrder(records) { try writer.insert(located.record) }
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
