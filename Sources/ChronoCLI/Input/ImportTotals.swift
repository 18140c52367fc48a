import ChronoProtocol

/// What an import has written so far: the last revision and the summed counts of its batches.
struct ImportTotals {
    /// The number of batches planned.
    var batches: Int
    /// The number of records read.
    var records: Int
    /// The revision of the last committed batch.
    var revision: Int64?
    /// Records added by the committed batches.
    var inserted: Int64 = 0
    /// Records replaced by the committed batches.
    var updated: Int64 = 0
    /// Records removed by the committed batches.
    var deleted: Int64 = 0

    /// Adds one `Facts/Write` result.
    mutating func add(_ result: JSONValue) {
        self.revision = result["revision"]?.intValue ?? self.revision
        self.inserted += result["inserted"]?.intValue ?? 0
        self.updated += result["updated"]?.intValue ?? 0
        self.deleted += result["deleted"]?.intValue ?? 0
    }

    /// The counts in words, for the partial-failure note.
    var summary: String {
        "\(self.inserted) inserted, \(self.updated) updated, \(self.deleted) deleted"
    }

    /// One row: batches, records, revision, inserted, updated, deleted.
    var presentation: Presentation {
        let result: JSONValue = [
            "batches": .int(Int64(self.batches)), "records": .int(Int64(self.records)),
            "revision": self.revision.map(JSONValue.int) ?? .null,
            "inserted": .int(self.inserted), "updated": .int(self.updated), "deleted": .int(self.deleted),
        ]
        let columns = ["batches", "records", "revision", "inserted", "updated", "deleted"]
        let table = Table(
            columns: columns.map { Table.Column($0.uppercased(), wraps: false) },
            rows: [columns.map { result[$0]?.scalarText ?? "" }]
        )
        return Presentation(result: result, table: table)
    }
}
