public import ChronoGraph

extension GraphStore {
    /// Every stored record in the `Graph/` record model, with the revision they were read at, in the
    /// canonical order of snapshots (by kind name, then id): what `RecordExporter` reads, parsed back.
    public func export(
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> (records: [GraphRecord], revision: Int64) {
        try await self.read(deadline: deadline) { connection, _ in
            let records = try SnapshotDatabase.parse(RecordExporter(connection: connection).all(), label: "export")
            return (records.map(\.record), try Self.revision(connection))
        }
    }
}
