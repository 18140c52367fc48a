public import ArgumentParser

/// How a command writes its result.
public enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// Aligned columns fitting the terminal (the default on a terminal).
    case table
    /// The whole result as one indented JSON document.
    case json
    /// One JSON record per line (the default when piped).
    case ndjson
    /// RFC 4180 CSV with a header row, including id and bound columns.
    case csv
    /// A Markdown table.
    case markdown
    /// TimelineJS3 JSON (timeline, show).
    case timelinejs
    /// GraphML for yEd and Gephi (show, neighbors, path, subgraph).
    case graphml
    /// GEXF 1.3 for Gephi (show, neighbors, path, subgraph).
    case gexf
    /// Graphviz DOT (show, neighbors, path, subgraph).
    case dot
    /// A Mermaid flowchart (show, neighbors, path, subgraph).
    case mermaid
    /// A self-contained SVG picture: the timeline, or the graph (timeline, show, neighbors, path, subgraph).
    case svg
    /// The picture in a self-contained HTML page, with every item's date and sources below it.
    case html

    /// The formats every listing command accepts.
    public static let listings: [OutputFormat] = [.table, .json, .ndjson, .csv, .markdown]
    /// The graph export formats.
    public static let graphs: [OutputFormat] = [.graphml, .gexf, .dot, .mermaid, .svg, .html]
    /// The picture formats, which every command with a timeline or a graph writes.
    public static let pictures: [OutputFormat] = [.svg, .html]
}
