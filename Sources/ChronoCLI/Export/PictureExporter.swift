import ChronoGraph
import ChronoProtocol
import Foundation

/// Self-contained pictures of a result, for a reporter to attach to a story: `--format svg` writes the picture
/// alone, `--format html` a page holding the picture and, below it, every item with its date and sources. Both
/// open in any browser with nothing fetched from the network.
///
/// A timeline draws each event across its whole possible extent, as the reading room does: a day as a point,
/// a month or a year as a bar, the margins an approximate or uncertain date allows as faded ends, and an open
/// end as an arrow to the edge. A graph draws entities on a circle and relations as labelled arrows.
enum PictureExporter {
    /// The picture of a command's result: its timeline when it has events and no graph, else its graph.
    static func svg(_ presentation: Presentation) -> String {
        if let graph = presentation.graph {
            return GraphPicture(graph: graph, title: presentation.title).svg
        }
        return TimelinePicture(events: presentation.events ?? [], title: presentation.title).svg
    }

    /// The picture in an HTML page, with a table of what it shows and where the documents say it.
    static func html(_ presentation: Presentation) -> String {
        let rows: [[String]]
        let header: [String]
        if let graph = presentation.graph {
            let names = Dictionary(graph.nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
            header = ["from", "relation", "to", "date", "sources"]
            rows = graph.edges.map { edge in
                [
                    names[edge.source] ?? edge.source, edge.relation.replacingUnderscores,
                    names[edge.target] ?? edge.target, edge.date, edge.citations,
                ]
            }
        } else {
            let events = presentation.events ?? []
            let citations = CitationFormatter(scanning: .array(events))
            header = ["date", "event", "sources"]
            rows = events.map { event in
                let date = event["date"] ?? .null
                return [
                    DateDisplay.text(date), event.text("title"),
                    citations.format(list: event["citations"]?.arrayValue ?? []),
                ]
            }
        }
        let title = XMLEscaping.escape(presentation.title)
        let head = header.map { "<th>\(XMLEscaping.escape($0))</th>" }.joined()
        let body = rows.map { row in
            "<tr>" + row.map { "<td>\(XMLEscaping.escape($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
            svg { max-width: 100%; height: auto; }
            table { border-collapse: collapse; margin-top: 1.5em; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            </style>
            </head>
            <body>
            <h1>\(title)</h1>
            \(Self.svg(presentation))
            <table>
            <thead><tr>\(head)</tr></thead>
            <tbody>
            \(body)
            </tbody>
            </table>
            <p>Made with Chronograph; sources are the documents' file names and lines.</p>
            </body>
            </html>

            """
    }
}

/// A timeline picture: one row per event, in the order given (the daemon's order).
private struct TimelinePicture {
    private struct Row {
        var label: String
        var date: EDTFDate
        /// Whether the event only possibly falls in the window (`group: possible` of a certain-first page).
        var possible: Bool
    }

    private static let labelWidth = 380.0
    private static let plotWidth = 560.0
    private static let rowHeight = 22.0
    private static let top = 56.0

    let events: [JSONValue]
    let title: String

    var svg: String {
        let rows = self.events.compactMap { event -> Row? in
            guard let text = event["date"]?["edtf"]?.stringValue, let date = try? EDTFDate(text) else { return nil }
            let words = DateDisplay.text(event["date"] ?? .null)
            let possible = event["group"]?.stringValue == TimelineGroup.possible.rawValue
            return Row(label: "\(words) · \(event.text("title"))", date: date, possible: possible)
        }
        let known = rows.flatMap {
            [$0.date.fuzzy.lower, $0.date.fuzzy.upper, $0.date.strict.lower, $0.date.strict.upper]
        }
        .compactMap { $0?.ordinal }
        let first = Double(known.min() ?? 0)
        let last = Double(max(known.max() ?? 1, (known.min() ?? 0) + 1))
        let padding = (last - first) * 0.02 + 1
        let scale = TimeScale(
            first: first - padding,
            last: last + padding,
            left: Self.labelWidth,
            width: Self.plotWidth
        )
        let rule = rows.firstIndex { $0.possible }
        let height = Self.top + Double(rows.count + (rule == nil ? 0 : 1)) * Self.rowHeight + 20
        var parts: [String] = [
            Self.header(width: Self.labelWidth + Self.plotWidth + 20, height: height, title: self.title),
            scale.axis(top: Self.top - 16, bottom: height - 10),
        ]
        for (index, row) in rows.enumerated() {
            let line = Double(index + (rule.map { index >= $0 ? 1 : 0 } ?? 0))
            if index == rule {
                let y = Self.top + (line - 1) * Self.rowHeight
                parts.append(
                    "<g class=\"rule\"><line x1=\"10\" y1=\"\(Self.number(y + 2))\" "
                        + "x2=\"\(Self.number(Self.labelWidth + Self.plotWidth))\" y2=\"\(Self.number(y + 2))\" "
                        + "stroke=\"#999\"/><text x=\"10\" y=\"\(Self.number(y + 15))\" fill=\"#555\" "
                        + "font-style=\"italic\">possibly in the period: open-ended, broad or uncertain dates</text></g>"
                )
            }
            parts.append(Self.row(row, y: Self.top + line * Self.rowHeight, scale: scale))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    private static func header(width: Double, height: Double, title: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
        viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12" role="img">
        <title>\(XMLEscaping.escape(title))</title>
        <defs><marker id="open" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="10" markerHeight="10" \
        markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f5fa8"/></marker></defs>
        <text x="10" y="20" font-size="15" font-weight="bold">\(XMLEscaping.escape(title))</text>
        """
    }

    /// One event: its label, its faded margins, and its certain extent as a point, a bar or an open arrow.
    private static func row(_ row: Row, y: Double, scale: TimeScale) -> String {
        let middle = y + 6
        var shapes = ["<g class=\"event\"><title>\(XMLEscaping.escape(row.label))</title>"]
        let label = row.label.count > 58 ? String(row.label.prefix(57)) + "…" : row.label
        shapes.append("<text x=\"10\" y=\"\(middle + 4)\">\(XMLEscaping.escape(label))</text>")
        let strict = row.date.strict
        let fuzzy = row.date.fuzzy
        let start = strict.lower.map { scale.x($0.ordinal) } ?? scale.left
        let end = strict.upper.map { scale.x($0.ordinal + 1) } ?? (scale.left + scale.width)
        if let lower = fuzzy.lower, let certain = strict.lower, lower < certain {
            shapes.append(Self.bar(from: scale.x(lower.ordinal), to: start, y: y, kind: "margin", opacity: 0.3))
        }
        if let upper = fuzzy.upper, let certain = strict.upper, certain < upper {
            shapes.append(Self.bar(from: end, to: scale.x(upper.ordinal + 1), y: y, kind: "margin", opacity: 0.3))
        }
        if strict.lower == nil || strict.upper == nil {
            let (from, to) = strict.lower == nil ? (end, start) : (start, end)
            let kind = strict.lower == nil ? "open-start" : "open-end"
            shapes.append(
                "<line class=\"\(kind)\" x1=\"\(Self.number(from))\" y1=\"\(Self.number(middle))\" "
                    + "x2=\"\(Self.number(to))\" y2=\"\(Self.number(middle))\" stroke=\"#1f5fa8\" stroke-width=\"3\" "
                    + "marker-end=\"url(#open)\"/>"
            )
        } else if end - start < 3 {
            shapes.append(
                "<circle class=\"point\" cx=\"\(Self.number((start + end) / 2))\" cy=\"\(Self.number(middle))\" "
                    + "r=\"4\" fill=\"#1f5fa8\"/>"
            )
        } else {
            shapes.append(Self.bar(from: start, to: end, y: y, kind: "span", opacity: 0.9))
        }
        shapes.append("</g>")
        return shapes.joined()
    }

    private static func bar(from: Double, to: Double, y: Double, kind: String, opacity: Double) -> String {
        "<rect class=\"\(kind)\" x=\"\(Self.number(from))\" y=\"\(Self.number(y + 1))\" "
            + "width=\"\(Self.number(max(1, to - from)))\" height=\"10\" fill=\"#1f5fa8\" opacity=\"\(opacity)\"/>"
    }

    fileprivate static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

/// Days to x coordinates, and the year ticks of the axis.
private struct TimeScale {
    var first: Double
    var last: Double
    var left: Double
    var width: Double

    func x(_ ordinal: Int) -> Double {
        self.left + (Double(ordinal) - self.first) / (self.last - self.first) * self.width
    }

    /// Year lines and labels, at most about a dozen.
    func axis(top: Double, bottom: Double) -> String {
        let firstYear = Day(ordinal: Int(self.first.rounded(.down))).year
        let lastYear = Day(ordinal: Int(self.last.rounded(.up))).year
        let span = max(1, lastYear - firstYear)
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000].first { span / $0 <= 12 } ?? span
        var ticks: [String] = []
        var year = (firstYear / step) * step
        while year <= lastYear {
            let x = self.x(Day(year: year, month: 1, day: 1).ordinal)
            if x >= self.left, x <= self.left + self.width {
                let position = TimelinePicture.number(x)
                ticks.append(
                    "<line x1=\"\(position)\" y1=\"\(TimelinePicture.number(top))\" x2=\"\(position)\" "
                        + "y2=\"\(TimelinePicture.number(bottom))\" stroke=\"#ddd\"/>"
                        + "<text x=\"\(position)\" y=\"\(TimelinePicture.number(top - 4))\" "
                        + "text-anchor=\"middle\" fill=\"#555\">\(year)</text>"
                )
            }
            year += step
        }
        return "<g class=\"axis\">" + ticks.joined() + "</g>"
    }
}

/// A graph picture: entities on a circle, relations as arrows labelled with their type.
private struct GraphPicture {
    let graph: GraphModel
    let title: String

    var svg: String {
        let count = self.graph.nodes.count
        let radius = max(140.0, Double(count) * 22.0)
        // Room for the labels, which stand outside the circle on either side.
        let labelRoom = Double(min(48, self.graph.nodes.map(\.label.count).max() ?? 0)) * 7 + 20
        let width = 2 * (radius + labelRoom)
        let size = 2 * radius + 80
        let center = width / 2
        var positions: [String: (x: Double, y: Double)] = [:]
        for (index, node) in self.graph.nodes.enumerated() {
            let angle = 2 * Double.pi * Double(index) / Double(max(count, 1)) - Double.pi / 2
            positions[node.id] = (center + radius * cos(angle), size / 2 + 20 + radius * sin(angle))
        }
        let number = TimelinePicture.number
        var parts = [
            """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(size + 40))" \
            viewBox="0 0 \(Int(width)) \(Int(size + 40))" font-family="sans-serif" font-size="12" role="img">
            <title>\(XMLEscaping.escape(self.title))</title>
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="7" markerHeight="7" \
            orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>
            <text x="10" y="20" font-size="15" font-weight="bold">\(XMLEscaping.escape(self.title))</text>
            """
        ]
        for edge in self.graph.edges {
            guard let from = positions[edge.source], let to = positions[edge.target] else { continue }
            let tip = "\(edge.relation.replacingUnderscores) \(edge.date) \(edge.citations)"
            parts.append(
                "<g class=\"relation\"><title>\(XMLEscaping.escape(tip))</title>"
                    + "<line x1=\"\(number(from.x))\" y1=\"\(number(from.y))\" x2=\"\(number(to.x))\" "
                    + "y2=\"\(number(to.y))\" stroke=\"#777\" marker-end=\"url(#arrow)\"/>"
                    + "<text x=\"\(number((from.x + to.x) / 2))\" y=\"\(number((from.y + to.y) / 2 - 3))\" "
                    + "text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">"
                    + "\(XMLEscaping.escape(edge.relation.replacingUnderscores))</text></g>"
            )
        }
        for node in self.graph.nodes {
            guard let at = positions[node.id] else { continue }
            let colour = node.family == "actor" ? "#1f5fa8" : node.family == "instrument" ? "#a8531f" : "#555"
            let anchor = at.x < center - 1 ? "end" : "start"
            let offset = anchor == "end" ? -10.0 : 10.0
            parts.append(
                "<g class=\"entity\"><title>\(XMLEscaping.escape("\(node.label) (\(node.kind))"))</title>"
                    + "<circle cx=\"\(number(at.x))\" cy=\"\(number(at.y))\" r=\"7\" fill=\"\(colour)\"/>"
                    + "<text x=\"\(number(at.x + offset))\" y=\"\(number(at.y + 4))\" text-anchor=\"\(anchor)\">"
                    + "\(XMLEscaping.escape(node.label))</text></g>"
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }
}
