public import ChronoGraph

/// A record and where it came from, so errors can name the file and line.
public struct LocatedRecord: Sendable, Hashable {
    /// The parsed record.
    public var record: GraphRecord
    /// The file, relative to the graph directory's parent (`Graph/events.jsonl`), or a caller's label.
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a located record.
    public init(record: GraphRecord, file: String, line: Int) {
        self.record = record
        self.file = file
        self.line = line
    }
}
