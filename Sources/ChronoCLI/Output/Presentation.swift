public import ChronoProtocol

/// One command's result, prepared for every format the command offers.
public struct Presentation: Sendable {
    /// The result as the daemon sent it (`--format json`).
    public var result: JSONValue
    /// One record per line for `--format ndjson`.
    public var records: [JSONValue]
    /// The rows for table, CSV and Markdown output.
    public var table: Table
    /// A hand-laid view that replaces the table on a terminal (an entity card, a path hop by hop).
    public var view: (@Sendable (Terminal) -> String)?
    /// The graph for graph exports, when the command has one.
    public var graph: GraphModel?
    /// The events for `--format timelinejs`, when the command has them.
    public var events: [JSONValue]?
    /// A title for exports.
    public var title: String
    /// Remarks for people (truncation, the next page), written on stderr.
    public var notes: [String]

    /// Creates a presentation; `records` defaults to the result itself.
    public init(
        result: JSONValue,
        records: [JSONValue]? = nil,
        table: Table,
        view: (@Sendable (Terminal) -> String)? = nil,
        graph: GraphModel? = nil,
        events: [JSONValue]? = nil,
        title: String = "Chronograph",
        notes: [String] = []
    ) {
        self.result = result
        self.records = records ?? [result]
        self.table = table
        self.view = view
        self.graph = graph
        self.events = events
        self.title = title
        self.notes = notes
    }
}
