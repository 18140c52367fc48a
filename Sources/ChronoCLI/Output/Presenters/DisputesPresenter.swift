public import ChronoProtocol

/// Presents a `Disputes/List` result: one row per claim, so each source's version stands on its own line.
public enum DisputesPresenter {
    /// The presentation of `result` (`{"disputes": [Dispute]}`).
    public static func present(_ result: JSONValue) -> Presentation {
        let disputes = result.list("disputes")
        let citations = CitationFormatter(scanning: result)
        var rows: [[String]] = []
        for dispute in disputes {
            for claim in dispute.list("claims") {
                rows.append([
                    dispute.text("id"), dispute.text("topic"), EntityLabel.text(dispute["subject"]),
                    claim.text("claim"), citations.format(list: claim.list("citations")),
                ])
            }
        }
        let table = Table(
            columns: [.init("ID", csvOnly: true), .init("TOPIC"), .init("SUBJECT"), .init("CLAIM"), .init("SOURCES")],
            rows: rows
        )
        return Presentation(result: result, records: disputes, table: table)
    }
}
