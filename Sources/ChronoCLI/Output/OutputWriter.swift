import ChronoProtocol

/// Turns a presentation into the text of one output format.
public enum OutputWriter {
    /// The text for `format`, and remarks for stderr (such as events a TimelineJS file had to leave out).
    public static func render(
        _ presentation: Presentation,
        as format: OutputFormat,
        terminal: Terminal
    ) throws -> (text: String, notes: [String]) {
        var notes = presentation.notes
        let text: String
        switch format {
        case .table:
            if let view = presentation.view {
                text = view(terminal)
            } else if presentation.table.rows.isEmpty {
                text = ""
                notes.append("no results")
            } else {
                text = TableRenderer(width: terminal.width, colour: terminal.colour).render(
                    presentation.table.forPeople
                )
            }
        case .json:
            text = try JSONOutput.pretty(presentation.result) + "\n"
        case .ndjson:
            text = presentation.records.map { $0.canonicalText + "\n" }.joined()
        case .csv:
            text = CSVWriter.write(presentation.table)
        case .markdown:
            text = MarkdownWriter.write(presentation.table)
        case .timelinejs:
            let (document, skipped) = TimelineJSExporter.export(
                events: presentation.events ?? [],
                title: presentation.title
            )
            if !skipped.isEmpty {
                notes.append("left out of the timeline (no known date): " + skipped.joined(separator: ", "))
            }
            text = try JSONOutput.pretty(document) + "\n"
        case .graphml:
            text = GraphMLExporter.export(presentation.graph ?? GraphModel())
        case .gexf:
            text = GEXFExporter.export(presentation.graph ?? GraphModel())
        case .dot:
            text = DOTExporter.export(presentation.graph ?? GraphModel())
        case .mermaid:
            text = MermaidExporter.export(presentation.graph ?? GraphModel())
        case .svg:
            text = PictureExporter.svg(presentation)
        case .html:
            text = PictureExporter.html(presentation)
        }
        return (text, notes)
    }
}
