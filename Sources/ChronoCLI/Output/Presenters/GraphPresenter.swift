public import ChronoProtocol

/// Presents `Graph/Neighbors` and `Graph/Subgraph` results: one row per relation, graph exports of the whole.
///
/// NDJSON writes one line per node (`{"node": ...}`), then one per relation (`{"edge": ...}`), then one per event
/// passed through (`{"event": ...}`).
public enum GraphPresenter {
    /// The presentation of a `Graph/Neighbors` result (`{"root", "nodes": [{entity, depth}], "edges", "truncated"}`).
    public static func presentNeighbors(_ result: JSONValue) -> Presentation {
        let nodes = result.list("nodes")
        let entities = [result["root"] ?? .null] + nodes.map { $0["entity"] ?? .null }
        var presentation = self.present(result, entities: entities, nodeRecords: nodes)
        let rootLabel = EntityLabel.text(result["root"])
        presentation.title = "Neighbourhood of \(result["root"]?.text("name") ?? "")"
        let edgeTable = presentation.table.forPeople
        let events = result.list("events")
        presentation.records += events.map { JSONValue.object(["event": $0]) }
        let eventTable = Self.events(events, citations: CitationFormatter(scanning: result))
        presentation.view = { terminal in
            var header = "\(rootLabel): \(nodes.count) neighbours, \(result.list("edges").count) relations"
            if result["events"] != nil { header += ", \(events.count) event\(events.count == 1 ? "" : "s")" }
            let renderer = TableRenderer(width: terminal.width, colour: terminal.colour)
            let nodeTable = Table(
                columns: [
                    .init("DEPTH", wraps: false), .init("NAME"), .init("KIND", wraps: false), .init("ID", wraps: false),
                ],
                rows: nodes.map { node in
                    let entity = node["entity"] ?? .null
                    return [
                        node["depth"]?.scalarText ?? "", entity.text("name"), entity.text("kind"), entity.text("id"),
                    ]
                }
            )
            let parts = [header, "", renderer.render(nodeTable), renderer.render(edgeTable)]
            return (events.isEmpty ? parts : parts + [renderer.render(eventTable)]).joined(separator: "\n")
        }
        return presentation
    }

    /// The events a neighbourhood passed through: when, what, who took part, and where it is written.
    static func events(_ events: [JSONValue], citations: CitationFormatter) -> Table {
        Table(
            columns: [.init("DATE"), .init("EVENT"), .init("WHO"), .init("SOURCES")],
            rows: events.map { event in
                [
                    DateDisplay.text(event["date"]), event.text("title"), EntityLabel.participants(event),
                    citations.format(list: event.list("citations")),
                ]
            }
        )
    }

    /// The presentation of a `Graph/Subgraph` result (`{"nodes": [Entity], "edges", "truncated"}`).
    public static func presentSubgraph(_ result: JSONValue) -> Presentation {
        let nodes = result.list("nodes")
        var presentation = self.present(result, entities: nodes, nodeRecords: nodes)
        presentation.title = "Chronograph subgraph"
        return presentation
    }

    private static func present(_ result: JSONValue, entities: [JSONValue], nodeRecords: [JSONValue]) -> Presentation {
        let citations = CitationFormatter(scanning: result)
        var names: [String: String] = [:]
        var graph = GraphModel()
        for entity in entities where entity != .null {
            names[entity.text("id")] = EntityLabel.text(entity)
            graph.addNode(entity)
        }
        let edges = result.list("edges")
        for edge in edges {
            graph.addEdge(edge, citations: citations)
        }
        let rows = edges.map { edge in
            [
                edge.text("id"), edge.text("from"), names[edge.text("from")] ?? edge.text("from"), edge.text("type"),
                edge.text("to"), names[edge.text("to")] ?? edge.text("to"), DateDisplay.text(edge["date"]),
                citations.format(list: edge.list("citations")),
            ]
        }
        let table = Table(
            columns: [
                .init("ID", csvOnly: true), .init("FROM ID", csvOnly: true), .init("FROM"), .init("RELATION"),
                .init("TO ID", csvOnly: true), .init("TO"), .init("DATE"), .init("SOURCES"),
            ],
            rows: rows
        )
        let records =
            nodeRecords.map { JSONValue.object(["node": $0]) } + edges.map { JSONValue.object(["edge": $0]) }
        return Presentation(
            result: result,
            records: records,
            table: table,
            graph: graph,
            notes: EntityLabel.truncation(result).map { [$0] } ?? []
        )
    }
}
