public import ChronoProtocol

/// Presents an `Entity/Search` result: one row per matching entity, best first.
public enum SearchPresenter {
    /// The presentation of `result` (`{"results": [{entity, summary, score, matched}]}`).
    public static func present(_ result: JSONValue) -> Presentation {
        let results = result.list("results")
        let rows = results.map { item in
            let entity = item["entity"] ?? .null
            return [
                entity.text("id"), entity.text("kind"), entity.text("name"), item.text("matched"),
                item["score"]?.scalarText ?? "", item.text("summary"),
            ]
        }
        let table = Table(
            columns: [
                .init("ID", wraps: false), .init("KIND", wraps: false), .init("NAME"), .init("MATCHED", wraps: false),
                .init("SCORE", csvOnly: true),
                .init("SUMMARY"),
            ],
            rows: rows
        )
        return Presentation(result: result, records: results, table: table)
    }
}
