public import ChronoGraph

extension GraphStore {
    /// Every stored record in the `Graph/` record model, with the revision they were read at: documents,
    /// entities, events, relations, disputes, figures, each kind by id. The base of canonical exports and
    /// snapshots (encode each `GraphRecord` with sorted keys, one per line).
    public func export(
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> (records: [GraphRecord], revision: Int64) {
        try await self.read(deadline: deadline) { connection, context in
            let reader = GraphReader(connection: connection, context: context)
            return (try reader.export(), try reader.revision())
        }
    }
}
