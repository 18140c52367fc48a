/// Records in canonical order (`RecordKey`'s), read one at a time, so that a whole graph need never be held
/// in memory: the live export (`RecordExporter.records()`), a snapshot's archive (`SnapshotArchive.records()`).
package protocol CanonicalRecordStream {
    /// The next record, or `nil` after the last.
    mutating func next() throws -> CanonicalRecord?
}

extension CanonicalRecordStream {
    /// Every remaining record, in order (for graphs small enough to hold, and for tests).
    package mutating func collect() throws -> [CanonicalRecord] {
        var records: [CanonicalRecord] = []
        while let record = try self.next() { records.append(record) }
        return records
    }
}

/// Records already in memory, in canonical order, read as a stream.
package struct CanonicalRecordList: CanonicalRecordStream {
    private var remaining: ArraySlice<CanonicalRecord>

    package init(_ records: [CanonicalRecord]) {
        self.remaining = records[...]
    }

    package mutating func next() -> CanonicalRecord? {
        self.remaining.popFirst()
    }
}

/// The records two canonical streams hold in different forms, found by walking both in step: memory holds the
/// differences, never either graph.
package struct CanonicalDifference {
    /// Records only in the newer stream.
    package var added: [CanonicalRecord] = []
    /// Keys only in the older stream.
    package var removed: [RecordKey] = []
    /// Records in both whose canonical line differs, as the newer stream holds them.
    package var changed: [CanonicalRecord] = []

    /// The records to write to make the older state the newer one: added and changed, in canonical order.
    package var upserts: [CanonicalRecord] {
        (self.added + self.changed).sorted { $0.key < $1.key }
    }

    /// Compares `old` with `new`, both in canonical order.
    package init(old: inout some CanonicalRecordStream, new: inout some CanonicalRecordStream) throws {
        var before = try old.next()
        var after = try new.next()
        while before != nil || after != nil {
            if let left = before, let right = after, left.key == right.key {
                if left.line != right.line { self.changed.append(right) }
                (before, after) = (try old.next(), try new.next())
            } else if let left = before, after.map({ left.key < $0.key }) ?? true {
                self.removed.append(left.key)
                before = try old.next()
            } else if let right = after {
                self.added.append(right)
                after = try new.next()
            }
        }
    }
}
