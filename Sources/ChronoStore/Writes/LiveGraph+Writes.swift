internal import ChronoGraph
public import ChronoProtocol

extension LiveGraph {
    /// Applies a batch of upserts (records in the `Graph/` format) and retractions (record ids) in one
    /// transaction: all or nothing. Commits as the next revision and logs every changed record.
    ///
    /// - Throws: `ChronoError` naming the field path (`params.upserts[2].participants[0].role: …`):
    ///   `INVALID_ARGUMENT` for an invalid record, `NOT_FOUND` for an unknown retraction,
    ///   `FAILED_PRECONDITION` for a retraction something still refers to.
    public func write(upserts: [JSONValue], retractions: [String]) async throws -> WriteReport {
        guard !upserts.isEmpty || !retractions.isEmpty else {
            throw ChronoError.invalidArgument("params: a write needs at least one upsert or retraction")
        }
        let parser = GraphRecordParser()
        var located: [LocatedRecord] = []
        for (index, value) in upserts.enumerated() {
            do {
                located.append(LocatedRecord(record: try parser.parse(value), file: "params.upserts", line: index + 1))
            } catch {
                let path = error.path.isEmpty ? "" : ".\(error.path)"
                throw ChronoError.invalidArgument("params.upserts[\(index)]\(path): \(error.message)")
            }
        }
        let batch = located
        return try await self.commit(retractions: "params.retractions") { _ in (batch, retractions) }
    }

    /// Commits a batch as the next revision and announces it; used by writes and restores.
    ///
    /// `batch` runs inside the transaction and returns the upserts and retractions to apply.
    func commit(
        retractions label: String,
        batch: @escaping @Sendable (Connection) throws -> (upserts: [LocatedRecord], retractions: [String])
    ) async throws -> WriteReport {
        let commits = self.commits
        return try await self.store.writer.run(deadline: nil) { connection, _ in
            let report = try connection.transaction { connection in
                let revision = try GraphStore.revision(connection) + 1
                let writer = FactsWriter(connection: connection, revision: revision, retractionLabel: label)
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
                    throw Self.status(error)
                }
            }
            commits.publish(report.revision)
            return report
        }
    }

    /// Drops the change history up to and including `revision` (at most the current revision).
    public func compact(through revision: Int64) async throws {
        try await self.store.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                let current = try GraphStore.revision(connection)
                guard revision <= current else {
                    throw ChronoError.outOfRange(
                        "params.revision: \(revision) is after the current revision \(current)"
                    )
                }
                try ChangeLog.compact(through: revision, connection)
            }
        }
    }

    /// A load error at `params.upserts` line N as `params.upserts[N-1].<path>: message`.
    private static func status(_ error: GraphLoadError) -> ChronoError {
        guard error.file == "params.upserts" else { return error.status }
        return .invalidArgument("params.upserts[\(error.line - 1)].\(error.message)")
    }
}
