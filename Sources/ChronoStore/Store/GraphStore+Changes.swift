public import ChronoGraph

extension GraphStore {
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
                    kind: try RecordKind(stored: row.text(1)),
                    id: row.text(2),
                    op: try GraphChange.Operation(stored: row.text(3))
                )
            }
        }
    }
}
