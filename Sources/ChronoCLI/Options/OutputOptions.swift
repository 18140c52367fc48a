public import ArgumentParser

/// `--format`, shared by every command that prints a result.
public struct OutputOptions: ParsableArguments, Sendable {
    /// The format asked for, if any.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: table, json, ndjson, csv or markdown; exports timelinejs (timeline, show), "
                + "graphml, gexf, dot, mermaid (show, neighbors, path, subgraph), and self-contained svg and html "
                + "pictures (timeline, show, neighbors, path, subgraph). "
                + "Default: table on a terminal, ndjson when piped.",
            valueName: "format"
        )
    )
    public var format: OutputFormat?

    /// Creates the options with no format chosen.
    public init() {}

    /// The format to use: the one asked for, else table on a terminal and ndjson when piped.
    public func resolved(for terminal: Terminal) -> OutputFormat {
        self.format ?? (terminal.isTTY ? .table : .ndjson)
    }

    /// Rejects a format the command cannot write, naming the ones it can.
    public func check(allowed: [OutputFormat]) throws {
        guard let format = self.format, !allowed.contains(format) else { return }
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("--format \(format.rawValue) is not available here; use one of: \(names)")
    }
}
