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
        return Presentation(
            result: result,
            records: disputes,
            table: table,
            view: { terminal in Self.grouped(table, terminal: terminal) },
            notes: EntityLabel.resolutions(result)
        )
    }

    /// The table for a terminal: each dispute's topic and subject shown once, above its claims.
    static func grouped(_ table: Table, terminal: Terminal) -> String {
        var rows: [[String]] = []
        var previous: String?
        for row in table.rows {
            var shown = row
            if row[0] == previous {
                shown[1] = ""
                shown[2] = ""
            }
            previous = row[0]
            rows.append(shown)
        }
        let grouped = Table(columns: table.columns, rows: rows).forPeople
        return TableRenderer(width: terminal.width, colour: terminal.colour).render(grouped)
    }
}
