/// What a write did.
public struct WriteReport: Sendable, Hashable {
    /// The revision the write committed as.
    public var revision: Int64
    /// Records inserted.
    public var inserted: Int
    /// Records updated (upserts that left a record unchanged are not counted).
    public var updated: Int
    /// Records deleted.
    public var deleted: Int

    /// Creates a report.
    public init(revision: Int64, inserted: Int, updated: Int, deleted: Int) {
        (self.revision, self.inserted, self.updated, self.deleted) = (revision, inserted, updated, deleted)
    }
}
