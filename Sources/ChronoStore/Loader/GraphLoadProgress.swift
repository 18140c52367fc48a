/// How far a graph load has got, reported to a `GraphLoader` progress callback on the writer's thread.
public struct GraphLoadProgress: Sendable, Hashable {
    /// Bytes of `*.jsonl` files read so far.
    public var bytesRead: Int64
    /// Bytes of all `*.jsonl` files of the graph.
    public var totalBytes: Int64
    /// Records parsed, checked and written (or set aside for the final check) so far.
    public var records: Int
    /// Whether every line has been read; the indexes are built and the transaction committed after this.
    public var isReadingDone: Bool

    /// Creates a progress report.
    public init(bytesRead: Int64, totalBytes: Int64, records: Int, isReadingDone: Bool) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.records = records
        self.isReadingDone = isReadingDone
    }

    /// The share of bytes read, from 0 to 1 (1 for an empty graph).
    public var fraction: Double {
        self.totalBytes > 0 ? min(1, Double(self.bytesRead) / Double(self.totalBytes)) : 1
    }
}

/// Called with a `GraphLoadProgress` every few thousand records and once reading is done.
public typealias GraphLoadProgressHandler = @Sendable (GraphLoadProgress) -> Void
