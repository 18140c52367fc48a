internal import ChronoGraph

extension GraphLoader {
    /// Records between two progress reports.
    static let progressInterval = 4_096

    /// Replaces everything on `connection` with the graph: clears the tables, bumps the revision, records the
    /// folder's content hash (`GraphSource`), stores the vocabulary and streams every file through `StreamingImport` (parsed a few batches ahead on another
    /// thread by `ParsedBatches`), with the secondary indexes rebuilt once at the end. Run inside a
    /// transaction, which the caller commits or rolls back.
    func replaceContent(
        _ connection: Connection,
        vocabulary: Vocabulary,
        files: [GraphFile],
        progress: GraphLoadProgressHandler?
    ) throws -> Report {
        try Self.clear(connection)
        let revision = try GraphStore.revision(connection) + 1
        try connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(revision)])
        try GraphSource(hash: try self.contentHash(), revision: revision).record(connection)
        try Self.store(vocabulary, connection)
        let totalBytes = files.reduce(0) { $0 + $1.size }
        return try connection.withSecondaryIndexesDeferred { connection in
            var stream = StreamingImport(
                validator: GraphValidator(vocabulary: vocabulary),
                writer: RecordWriter(connection: connection, revision: revision)
            )
            let batches = ParsedBatches(files: files)
            defer { batches.stop() }
            var bytesRead: Int64 = 0
            while true {
                let batch = batches.next()
                for located in batch.records {
                    try stream.add(located)
                    if stream.records % Self.progressInterval == 0 {
                        progress?(
                            GraphLoadProgress(
                                bytesRead: bytesRead,
                                totalBytes: totalBytes,
                                records: stream.records,
                                isReadingDone: false
                            )
                        )
                    }
                }
                bytesRead = batch.bytesRead
                if let error = batch.error { throw error }
                if batch.isLast { break }
            }
            let done = GraphLoadProgress(
                bytesRead: bytesRead,
                totalBytes: totalBytes,
                records: stream.records,
                isReadingDone: true
            )
            progress?(done)
            try stream.finish()
            return Report(records: stream.records, revision: revision)
        }
    }
}
