public import ChronoProtocol

/// Presents a `Graph/Paths` result: each path hop by hop, with the relation, its direction and its evidence.
public enum PathPresenter {
    /// The presentation of `result` (`{"paths": [{length, nodes, hops: [{edge, forward}]}], "truncated"}`).
    public static func present(_ result: JSONValue) -> Presentation {
        let paths = result.list("paths")
        let citations = CitationFormatter(scanning: result)
        var rows: [[String]] = []
        var graph = GraphModel()
        for (pathIndex, path) in paths.enumerated() {
            let nodes = path.list("nodes")
            for node in nodes {
                graph.addNode(node)
            }
            for (hopIndex, hop) in path.list("hops").enumerated() {
                let (record, label) = Self.link(hop)
                if hop["edge"] != nil { graph.addEdge(record, citations: citations) }
                let forward = hop["forward"]?.boolValue ?? true
                rows.append([
                    String(pathIndex + 1), String(hopIndex + 1),
                    EntityLabel.text(hopIndex < nodes.count ? nodes[hopIndex] : nil),
                    forward ? "\(label) →" : "← \(label)",
                    EntityLabel.text(hopIndex + 1 < nodes.count ? nodes[hopIndex + 1] : nil),
                    forward ? "forward" : "backward", record.text("id"), DateDisplay.text(record["date"]),
                    citations.format(list: record.list("citations")),
                ])
            }
        }
        let table = Table(
            columns: [
                .init("PATH", wraps: false), .init("HOP", wraps: false), .init("FROM"), .init("RELATION"), .init("TO"),
                .init("DIRECTION", csvOnly: true), .init("EDGE ID", csvOnly: true), .init("DATE"), .init("EVIDENCE"),
            ],
            rows: rows
        )
        var notes = EntityLabel.truncation(result).map { [$0] } ?? []
        if paths.isEmpty {
            notes.append("no path found within the depth limit")
        }
        return Presentation(
            result: result,
            records: paths,
            table: table,
            view: { terminal in Self.hops(paths, citations: citations, terminal: terminal) },
            graph: graph,
            title: "Chronograph paths",
            notes: notes
        )
    }

    /// Each path as an indented chain: an entity per line, the hop between them on the line in between.
    static func hops(_ paths: [JSONValue], citations: CitationFormatter, terminal: Terminal) -> String {
        var lines: [String] = []
        for (index, path) in paths.enumerated() {
            let hops = path.list("hops")
            let heading = "Path \(index + 1) of \(paths.count): \(hops.count) hop\(hops.count == 1 ? "" : "s")"
            lines.append(terminal.colour ? ANSI.bold(heading) : heading)
            let nodes = path.list("nodes")
            for (position, node) in nodes.enumerated() {
                lines.append("  " + EntityLabel.text(node))
                guard position < hops.count else { continue }
                let (edge, label) = Self.link(hops[position])
                let forward = hops[position]["forward"]?.boolValue ?? true
                let relation = terminal.colour ? ANSI.cyan(label) : label
                let arrow =
                    hops[position]["event"] != nil
                    ? "  │  ──\(relation)──" : forward ? "  │  ──\(relation)──▶" : "  │  ◀──\(relation)──"
                let evidence = [DateDisplay.text(edge["date"]), citations.format(list: edge.list("citations"))]
                    .filter { !$0.isEmpty }.joined(separator: " · ")
                lines.append(evidence.isEmpty ? arrow : "\(arrow)  \(evidence)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// A hop's record (the relation or the event) and its label: the relation type, or `event: <title>`.
    static func link(_ hop: JSONValue) -> (record: JSONValue, label: String) {
        if let event = hop["event"] { return (event, "event: \(event.text("title"))") }
        let edge = hop["edge"] ?? .null
        return (edge, edge.text("type"))
    }
}
