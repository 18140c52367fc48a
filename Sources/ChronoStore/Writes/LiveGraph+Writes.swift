internal import ChronoGraph
public import ChronoProtocol

extension LiveGraph {
    /// Applies a batch of upserts (records in the `Graph/` format) and retractions (record ids) in one
    /// transaction: all or nothing. Commits as the next revision and logs every changed record.
    ///
    /// - Throws: `GraphError` for no change at all or an invalid upsert (naming its index and the field within
    ///   it), or a refused retraction (unknown, also upserted, or still referred to).
    public func write(upserts: [JSONValue], retractions: [String]) async throws -> WriteReport {
        let batch = try WriteBatch.parse(upserts: upserts, retractions: retractions)
        return try await self.commit(source: nil) { _ in (batch, retractions) }
    }

    /// Commits a batch as the next revision and announces it; used by writes and restores.
    ///
    /// `batch` runs inside the transaction and returns the upserts and retractions to apply. A refused retraction
    /// is `GraphError.refusedRetraction` for a client's write (`source` nil); for a batch the graph computed
    /// itself, `FAILED_PRECONDITION` naming `source` (`graph folder`, `snapshot r1-…`).
    func commit(
        source: String?,
        batch: @escaping @Sendable (Connection) throws -> (upserts: [LocatedRecord], retractions: [String])
    ) async throws -> WriteReport {
        // Announced once the writer's run is over: by then the store knows the new revision, which its readers
        // answer at (`GraphStore.answer`), so a listener woken by the announcement reads it. The feed drops a
        // revision older than one announced, so two writes announcing out of order cannot move it back.
        let report = try await self.store.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                let revision = try GraphStore.revision(connection) + 1
                let writer = FactsWriter(connection: connection, revision: revision)
                do {
                    let (upserts, retractions) = try batch(connection)
                    let outcome = try writer.apply(upserts: upserts, retractions: retractions)
                    return WriteReport(
                        revision: revision,
                        inserted: outcome.inserted,
                        updated: outcome.updated,
                        deleted: outcome.deleted
                    )
                } catch let error as GraphLoadError {
                    throw WriteBatch.refusal(error)
                } catch GraphError.refusedRetraction(let index, let reason) where source != nil {
                    throw ChronoError.failedPrecondition("\(source ?? ""): retractions[\(index)]: \(reason)")
                }
            }
        }
        self.feed.publish(report.revision)
        return report
    }

    /// Drops the change history up to and including `revision` (at most the current revision).
    /// - Throws: `GraphError.revisionInFuture` for a revision after the current one.
    public func compact(through revision: Int64) async throws {
        try await self.store.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                let current = try GraphStore.revision(connection)
                guard revision <= current else {
                    throw GraphError.revisionInFuture(revision: revision, current: current)
                }
                try ChangeLog.compact(through: revision, connection)
            }
        }
    }
}
