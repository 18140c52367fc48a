internal import ChronoGraph
internal import ChronoProtocol

extension LiveGraph {
    /// A read-only store holding the graph as it was at `revision`, rebuilt from the live graph by undoing
    /// the logged changes made after it; cached like `as_of` snapshot stores.
    ///
    /// - Throws: `GraphError` when that history has been compacted away, was logged without the earlier forms
    ///   it needs, or `revision` is in the future.
    public func reader(atRevision revision: Int64) async throws -> any GraphReading {
        let (current, compacted, records, entries) = try await self.store.read(deadline: nil) { connection, _ in
            (
                try GraphStore.revision(connection), try ChangeLog.compacted(connection),
                try RecordExporter(connection: connection).all(), try ChangeLog.entries(after: revision, connection)
            )
        }
        let past = try ChangeLog.records(
            at: revision,
            current: records,
            undoing: entries,
            currentRevision: current,
            compacted: compacted
        )
        return try await self.snapshotStores.store(for: "revision-\(revision)") { path in
            let vocabulary = try await self.store.read(deadline: nil) { connection, _ in
                try VocabularyRow.all(connection)
            }
            return try await SnapshotDatabase.build(
                path: path,
                records: CanonicalRecordList(past),
                revision: revision,
                vocabulary: vocabulary,
                label: "revision \(revision)"
            )
        }
    }
}
