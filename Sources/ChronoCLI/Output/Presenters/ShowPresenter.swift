public import ChronoProtocol

/// Presents an `Entity/Get` result: an entity card on a terminal; relation, event and figure rows elsewhere.
public enum ShowPresenter {
    /// The presentation of `result` (`{"entity", "relations", "neighbors", "events", "figures"}`).
    public static func present(_ result: JSONValue) -> Presentation {
        let entity = result["entity"] ?? .null
        let citations = CitationFormatter(scanning: result)
        let names = Self.names(result)
        var rows: [[String]] = []
        for edge in result.list("relations") {
            let outgoing = edge.text("from") == entity.text("id")
            let other = outgoing ? edge.text("to") : edge.text("from")
            rows.append([
                "relation", edge.text("id"), DateDisplay.text(edge["date"]),
                outgoing ? "\(edge.text("type")) →" : "← \(edge.text("type"))", names[other] ?? other,
                citations.format(list: edge.list("citations")),
            ])
        }
        for event in result.list("events") {
            rows.append([
                "event", event.text("id"), DateDisplay.text(event["date"]), event.text("title"),
                EntityLabel.participants(event), citations.format(list: event.list("citations")),
            ])
        }
        for figure in result.list("figures") {
            rows.append([
                "figure", figure.text("id"), DateDisplay.text(figure["date"]), FiguresPresenter.value(figure),
                figure.text("measure"), citations.format(list: figure.list("citations")),
            ])
        }
        let table = Table(
            columns: [
                .init("SECTION"), .init("ID", csvOnly: true), .init("DATE"), .init("WHAT"), .init("WITH"),
                .init("SOURCES"),
            ],
            rows: rows
        )
        var graph = GraphModel()
        graph.addNode(entity)
        for neighbor in result.list("neighbors") {
            graph.addNode(neighbor)
        }
        for edge in result.list("relations") {
            graph.addEdge(edge, citations: citations)
        }
        return Presentation(
            result: result,
            table: table,
            view: { terminal in EntityCard.render(result, table: table, citations: citations, terminal: terminal) },
            graph: graph,
            events: result.list("events"),
            title: entity.text("name")
        )
    }

    /// Entity names by id, from the entity itself and its neighbours.
    static func names(_ result: JSONValue) -> [String: String] {
        var names: [String: String] = [:]
        for entity in [result["entity"] ?? .null] + result.list("neighbors") {
            names[entity.text("id")] = EntityLabel.text(entity)
        }
        return names
    }
}
