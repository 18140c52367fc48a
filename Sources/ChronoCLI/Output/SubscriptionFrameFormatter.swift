public import ChronoProtocol

/// Writes one subscription data frame: the JSON line as sent, or a summary line for a terminal.
public enum SubscriptionFrameFormatter {
    /// The frame's line, ending in `\n`.
    ///
    /// Table form: `rev 42  change  <the rest of the frame as compact JSON>`, cut to the terminal width.
    public static func line(_ data: JSONValue, format: OutputFormat, terminal: Terminal) throws -> String {
        guard format == .table else {
            return data.canonicalText + "\n"
        }
        var rest = data.objectValue ?? [:]
        let kind = rest.removeValue(forKey: "kind")?.scalarText ?? "?"
        let revision = rest.removeValue(forKey: "revision")?.scalarText ?? "?"
        var line = "rev \(revision)  \(kind)"
        if !rest.isEmpty {
            line += "  " + JSONValue.object(rest).canonicalText
        }
        if line.count > terminal.width {
            line = String(line.prefix(max(1, terminal.width - 1))) + "…"
        }
        return line + "\n"
    }
}
