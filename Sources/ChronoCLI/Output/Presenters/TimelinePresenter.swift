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
                event.text("summary"),
            ]
        }
        let table = Table(
            columns: [
                .init("ID", csvOnly: true), .init("DATE"), .init("EDTF", csvOnly: true),
                .init("LOWER", csvOnly: true), .init("UPPER", csvOnly: true), .init("TYPE", wraps: false),
                .init("EVENT"),
                .init("WHO"), .init("SOURCES"), .init("SUMMARY", csvOnly: true),
            ],
            rows: rows
        )
        var notes: [String] = []
        if let cursor = result["next_cursor"]?.stringValue, !cursor.isEmpty {
            notes.append("more events follow: repeat with --cursor \(cursor)")
        }
        return Presentation(
            result: result,
            records: events,
            table: table,
            events: events,
            title: "Chronograph timeline",
            notes: notes
        )
    }
}
