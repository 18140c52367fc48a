public import ChronoProtocol

/// Presents a `Search/Query` result: for people, the hits grouped by kind (the kind of the best hit first),
/// best first within each kind; for scripts (`ndjson`, `json`), the hits in rank order.
public enum FindPresenter {
    /// The presentation of `result` (`{"results": [RecordHit], "next_cursor"?}`).
    public static func present(_ result: JSONValue) -> Presentation {
        let hits = result.list("results")
        let citations = CitationFormatter(scanning: result)
        let kindOrder = hits.map { $0.text("kind") }.reduce(into: [String]()) { order, kind in
            if !order.contains(kind) { order.append(kind) }
        }
        let grouped = kindOrder.flatMap { kind in hits.filter { $0.text("kind") == kind } }
        let rows = grouped.map { hit in
            [
                Self.kindLabel(hit), DateDisplay.text(hit["date"]), hit.text("title"), hit.text("snippet"),
                citations.format(list: hit.list("citations")), hit.text("id"), hit["score"]?.scalarText ?? "",
            ]
        }
        let table = Table(
            columns: [
                .init("KIND", wraps: false), .init("DATE"), .init("TITLE"), .init("MATCH"), .init("SOURCES"),
                .init("ID", csvOnly: true), .init("SCORE", csvOnly: true),
            ],
            rows: rows
        )
        var notes: [String] = []
        if let cursor = result["next_cursor"]?.stringValue, !cursor.isEmpty {
            notes.append("more results follow: repeat with --cursor \(cursor)")
        }
        var view: (@Sendable (Terminal) -> String)?
        if !hits.isEmpty {
            view = { terminal in Self.groups(kindOrder, grouped, citations: citations, terminal: terminal) }
        }
        return Presentation(
            result: result,
            records: hits,
            table: table,
            view: view,
            title: "Chronograph search",
            notes: notes
        )
    }

    /// The heading of each kind's group.
    private static let plurals = [
        "entity": "Entities", "event": "Events", "figure": "Figures", "dispute": "Disputes", "relation": "Relations",
    ]

    /// `event`, or the entity's kind (`entity: law`).
    private static func kindLabel(_ hit: JSONValue) -> String {
        let kind = hit.text("kind")
        let entityKind = hit.text("entity_kind")
        return entityKind.isEmpty ? kind : "\(kind): \(entityKind)"
    }

    /// One heading per kind, then a line per hit: date, title, sources, and the matching excerpt indented.
    static func groups(
        _ kinds: [String],
        _ hits: [JSONValue],
        citations: CitationFormatter,
        terminal: Terminal
    )
        -> String
    {
        var lines: [String] = []
        for kind in kinds {
            let members = hits.filter { $0.text("kind") == kind }
            let heading = "\(Self.plurals[kind] ?? kind) (\(members.count))"
            lines.append(terminal.colour ? ANSI.bold(heading) : heading)
            for hit in members {
                let head = [DateDisplay.text(hit["date"]), hit.text("title"), hit.text("entity_kind")]
                    .filter { !$0.isEmpty }.joined(separator: " · ")
                let sources = citations.format(list: hit.list("citations"))
                lines.append("  " + head + (sources.isEmpty ? "" : "  [\(sources)]"))
                let snippet = hit.text("snippet")
                if !snippet.isEmpty, snippet != hit.text("title") { lines.append("      " + snippet) }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
