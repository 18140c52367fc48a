public import ChronoGraph

/// A record and where it came from, so errors can point at it.
public struct LocatedRecord: Sendable, Hashable {
    /// The parsed record.
    public var record: GraphRecord
    /// Its file and line, or its place in a write.
    public var origin: RecordOrigin

    /// Creates a located record.
    public init(record: GraphRecord, origin: RecordOrigin) {
        self.record = record
        self.origin = origin
    }
}
