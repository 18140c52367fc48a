public import ChronoProtocol

/// Presents a `Timeline/Query` result: one row per event, in the daemon's order.
public enum TimelinePresenter {
    /// The presentation of `result` (`{"events": [Event], "next_cursor"?, ...}`).
    public static func present(_ result: JSONValue) -> Presentation {
        let events = result.list("events")
        let citations = CitationFormatter(scanning: result)
        let rows = events.map { event in
            let date = event["date"] ?? .null
            return [
                event.text("id"), DateDisplay.text(date), date.text("edtf"), date["lower"]?.scalarText ?? "",
                date["upper"]?.scalarText ?? "", event.text("type"), event.text("title"),
                EntityLabel.participants(event), citations.format(list: event.list("citations")),
                event.text("summary"), event.text("group"),
            ]
        }
        let table = Table(
            columns: [
                .init("ID", csvOnly: true), .init("DATE"), .init("EDTF", csvOnly: true),
                .init("LOWER", csvOnly: true), .init("UPPER", csvOnly: true), .init("TYPE", wraps: false),
                .init("EVENT"),
                .init("WHO"), .init("SOURCES"), .init("SUMMARY", csvOnly: true), .init("GROUP", csvOnly: true),
            ],
            rows: rows
        )
        var notes = EntityLabel.resolutions(result)
        if let cursor = result["next_cursor"]?.stringValue, !cursor.isEmpty {
            notes.append("more events follow: repeat with --cursor \(cursor)")
        }
        var view: (@Sendable (Terminal) -> String)?
        if let split = events.firstIndex(where: { $0.text("group") == "possible" }) {
            view = { terminal in Self.groups(table, split: split, terminal: terminal) }
        }
        return Presentation(
            result: result,
            records: events,
            table: table,
            view: view,
            events: events,
            title: "Chronograph timeline",
            notes: notes
        )
    }

    /// The rule between the two groups of a `certain_first` page.
    static let rule = "── possibly in the period: open-ended, broad or uncertain dates ──"

    /// The certain rows, a rule, then the possible rows (from row `split`), as two tables of one width.
    static func groups(_ table: Table, split: Int, terminal: Terminal) -> String {
        let renderer = TableRenderer(width: terminal.width, colour: terminal.colour)
        let people = table.forPeople
        let certain = Table(columns: people.columns, rows: Array(people.rows[..<split]))
        let possible = Table(columns: people.columns, rows: Array(people.rows[split...]))
        let rule = terminal.colour ? ANSI.bold(Self.rule) : Self.rule
        let head = certain.rows.isEmpty ? "no event lies certainly inside the period\n" : renderer.render(certain)
        return head + rule + "\n" + renderer.render(possible)
    }
}
