public import ChronoProtocol

/// Presents the result of a commit (`Facts/Write`, `Snapshot/Restore`): the new revision and the counts.
public enum WritePresenter {
    /// One row: revision, inserted, updated, deleted.
    public static func present(_ result: JSONValue) -> Presentation {
        let columns = ["revision", "inserted", "updated", "deleted"]
        let table = Table(
            columns: columns.map { Table.Column($0.uppercased(), wraps: false) },
            rows: [columns.map { result[$0]?.scalarText ?? "" }]
        )
        return Presentation(result: result, table: table)
    }
}
