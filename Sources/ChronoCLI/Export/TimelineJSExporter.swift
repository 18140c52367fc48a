public import ChronoProtocol

/// Writes events as a TimelineJS3 JSON document (https://timeline.knightlab.com/docs/json-format.html).
///
/// Each event gets `start_date` (and `end_date` when its bounds span more than its precision) built from
/// the date's bounds at its precision, `display_date` with the uncertain date as written
/// (`early 2007 (2007~)`), `text` {headline, text}, `group` (the event type) and `unique_id`.
/// Events with no known bound cannot be placed on a timeline and are left out.
public enum TimelineJSExporter {
    /// The TimelineJS document, and the ids of events left out for lack of a date.
    public static func export(events: [JSONValue], title: String) -> (document: JSONValue, skipped: [String]) {
        let citations = CitationFormatter(scanning: .array(events))
        var slides: [JSONValue] = []
        var skipped: [String] = []
        for event in events {
            guard let slide = self.slide(event, citations: citations) else {
                skipped.append(event.text("id"))
                continue
            }
            slides.append(slide)
        }
        let document = JSONValue.object([
            "title": .object(["text": .object(["headline": .string(title), "text": .string("")])]),
            "events": .array(slides),
        ])
        return (document, skipped)
    }

    private static func slide(_ event: JSONValue, citations: CitationFormatter) -> JSONValue? {
        let date = event["date"] ?? .null
        let precision = date.text("precision")
        let lower = date["lower"]?.stringValue
        let upper = date["upper"]?.stringValue
        guard let start = self.components(lower ?? upper, precision: precision) else { return nil }
        var members: [String: JSONValue] = [
            "unique_id": .string(event.text("id")),
            "start_date": start,
            "display_date": .string(DateDisplay.text(date)),
            "group": .string(event.text("type")),
            "text": .object([
                "headline": .string(event.text("title")),
                "text": .string(self.body(event, citations: citations)),
            ]),
        ]
        if let end = self.components(upper, precision: precision), end != start {
            members["end_date"] = end
        }
        return .object(members)
    }

    /// `{year, month?, day?}` from a `YYYY-MM-DD` bound, as fine as the precision allows.
    static func components(_ bound: String?, precision: String) -> JSONValue? {
        guard let bound else { return nil }
        let negative = bound.hasPrefix("-")
        let parts = (negative ? String(bound.dropFirst()) : bound).split(separator: "-").compactMap { Int64($0) }
        guard let year = parts.first else { return nil }
        var members: [String: JSONValue] = ["year": .int(negative ? -year : year)]
        if precision == "month" || precision == "day", parts.count > 1 {
            members["month"] = .int(parts[1])
        }
        if precision == "day", parts.count > 2 {
            members["day"] = .int(parts[2])
        }
        return .object(members)
    }

    private static func body(_ event: JSONValue, citations: CitationFormatter) -> String {
        var paragraphs = [XMLEscaping.escape(event.text("summary"))]
        let names = event.list("participants").map { $0["entity"]?.text("name") ?? "" }.filter { !$0.isEmpty }
        if !names.isEmpty {
            paragraphs.append("Participants: " + XMLEscaping.escape(names.joined(separator: ", ")))
        }
        let sources = citations.format(list: event.list("citations"))
        if !sources.isEmpty {
            paragraphs.append("Sources: " + XMLEscaping.escape(sources))
        }
        return paragraphs.filter { !$0.isEmpty }.map { "<p>\($0)</p>" }.joined()
    }
}
