internal import ChronoGraph

extension GraphLoader {
    /// Records between two progress reports.
    static let progressInterval = 4_096

    /// Replaces everything on `connection` with the graph: clears the tables, bumps the revision, stores the
    /// vocabulary and streams every file through `StreamingImport`, with the secondary indexes rebuilt once
    /// at the end. Run inside a transaction, which the caller commits or rolls back.
    func replaceContent(
        _ connection: Connection,
        vocabulary: Vocabulary,
        files: [GraphFile],
        progress: GraphLoadProgressHandler?
    ) throws -> Report {
        try Self.clear(connection)
        let revision = try GraphStore.revision(connection) + 1
        try connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(revision)])
        try Self.store(vocabulary, connection)
        let totalBytes = files.reduce(0) { $0 + $1.size }
        return try connection.withSecondaryIndexesDeferred { connection in
            var stream = StreamingImport(
                validator: GraphValidator(vocabulary: vocabulary),
                writer: RecordWriter(connection: connection, revision: revision)
            )
            let parser = GraphRecordParser()
            var before: Int64 = 0
            for file in files {
                try file.reader.forEachLine { bytes, line, consumed in
                    guard let located = try Self.parse(bytes, parser: parser, file: file.label, line: line) else {
                        return
                    }
                    try stream.add(located)
                    if stream.records % Self.progressInterval == 0 {
                        progress?(
                            GraphLoadProgress(
                                bytesRead: before + consumed,
                                totalBytes: totalBytes,
                                records: stream.records,
                                isReadingDone: false
                            )
                        )
                    }
                }
                before += file.size
            }
            let done = GraphLoadProgress(
                bytesRead: before,
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
