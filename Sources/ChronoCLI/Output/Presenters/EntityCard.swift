import ChronoProtocol

/// The terminal view of one entity: a header, its facts, then its relations, events and figures.
enum EntityCard {
    /// The card for an `Entity/Get` result whose rows are already in `table`.
    static func render(_ result: JSONValue, table: Table, citations: CitationFormatter, terminal: Terminal) -> String {
        let entity = result["entity"] ?? .null
        let title = "\(entity.text("name"))  [\(entity.text("kind")) · \(entity.text("id"))]"
        var lines = [terminal.colour ? ANSI.bold(title) : title]
        var facts: [(String, String)] = []
        let aliases = entity.list("aliases").compactMap(\.stringValue)
        if !aliases.isEmpty {
            facts.append(("aliases", aliases.joined(separator: "; ")))
        }
        if !entity.text("number").isEmpty {
            facts.append(("number", entity.text("number")))
        }
        for (key, date) in (entity["dates"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            facts.append((key.replacingUnderscores, DateDisplay.text(date)))
        }
        for (key, value) in (entity["attributes"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            facts.append((key.replacingUnderscores, value.scalarText))
        }
        if !entity.text("summary").isEmpty {
            facts.append(("summary", entity.text("summary")))
        }
        facts.append(("sources", citations.format(list: entity.list("citations"))))
        let labelWidth = (facts.map(\.0.count).max() ?? 0) + 2
        for (label, value) in facts {
            let wrapped = TextWrapper.wrap(value, width: max(20, terminal.width - labelWidth - 2))
            for (index, line) in wrapped.enumerated() {
                let prefix = index == 0 ? label + ":" : ""
                lines.append("  " + prefix + String(repeating: " ", count: labelWidth - prefix.count) + line)
            }
        }
        let renderer = TableRenderer(width: terminal.width - 2, colour: terminal.colour)
        for (section, heading) in [("relation", "RELATIONS"), ("event", "EVENTS"), ("figure", "FIGURES")] {
            let rows = table.rows.filter { $0.first == section }
            guard !rows.isEmpty else { continue }
            let part = Table(columns: Array(table.columns.dropFirst()), rows: rows.map { Array($0.dropFirst()) })
            lines.append("")
            lines.append(terminal.colour ? ANSI.bold("\(heading) (\(rows.count))") : "\(heading) (\(rows.count))")
            let body = renderer.render(part.forPeople).split(separator: "\n", omittingEmptySubsequences: false)
            lines.append(contentsOf: body.dropLast().map { "  " + $0 })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string with `_` shown as a space (`in_force` → `in force`).
    var replacingUnderscores: String {
        String(self.map { $0 == "_" ? " " : $0 })
    }
}
