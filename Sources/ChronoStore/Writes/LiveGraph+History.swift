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
        guard revision >= compacted else {
            throw GraphError.historyCompacted(revision: revision, compactedThrough: compacted)
        }
        guard revision <= current else {
            throw GraphError.revisionInFuture(revision: revision, current: current)
        }
        var state = Dictionary(records.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in entries {
            let key = RecordKey(kind: entry.kind, id: entry.id)
            if let before = entry.before {
                guard let value = JSONValue.parsing(before.utf8) else {
                    throw ChronoError.dataLoss(
                        "change log: the earlier form of \(entry.kind) \"\(entry.id)\" is not JSON"
                    )
                }
                state[key] = CanonicalRecord(kind: entry.kind, id: entry.id, value: value)
            } else if entry.op == .insert {
                state[key] = nil
            } else {
                throw GraphError.changeWithoutEarlierForm(kind: entry.kind, id: entry.id, revision: entry.revision)
            }
        }
        let past = state.values.sorted { $0.key < $1.key }
        return try await self.snapshotStores.store(for: "revision-\(revision)") { path in
            let vocabulary = try await self.store.read(deadline: nil) { connection, _ in
                try VocabularyRow.all(connection)
            }
            return try await SnapshotDatabase.build(
                path: path,
                records: past,
                revision: revision,
                vocabulary: vocabulary,
                label: "revision \(revision)"
            )
        }
    }
}
