public import ChronoProtocol

/// Presents a `Figures/List` result: one row per stated quantity.
public enum FiguresPresenter {
    /// The presentation of `result` (`{"figures": [Figure]}`).
    public static func present(_ result: JSONValue) -> Presentation {
        let figures = result.list("figures")
        let citations = CitationFormatter(scanning: result)
        let rows = figures.map { figure in
            [
                figure.text("id"), EntityLabel.text(figure["subject"]), figure.text("measure"), Self.value(figure),
                figure.text("qualifier"), figure["value"]?.scalarText ?? "", figure["high"]?.scalarText ?? "",
                figure.text("unit"),
                DateDisplay.text(figure["date"]), citations.format(list: figure.list("citations")),
            ]
        }
        let table = Table(
            columns: [
                .init("ID", csvOnly: true), .init("SUBJECT"), .init("MEASURE"), .init("VALUE"),
                .init("QUALIFIER", csvOnly: true), .init("NUMBER", csvOnly: true), .init("HIGH", csvOnly: true),
                .init("UNIT", csvOnly: true),
                .init("DATE"), .init("SOURCES"),
            ],
            rows: rows
        )
        return Presentation(result: result, records: figures, table: table, notes: EntityLabel.resolutions(result))
    }

    /// The quantity in words: `over 44,000 people`, `about 600,000–800,000 people` for a range (an `exact`
    /// qualifier is not shown).
    static func value(_ figure: JSONValue) -> String {
        let qualifier = figure.text("qualifier")
        let number =
            figure["high"].map { "\(EntityLabel.number(figure["value"]))–\(EntityLabel.number($0))" }
            ?? EntityLabel.number(figure["value"])
        let parts = [qualifier == "exact" ? "" : qualifier, number, figure.text("unit")]
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
