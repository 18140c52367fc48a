import Foundation

/// Writes a table as a GitHub-flavoured Markdown table (pipes escaped, line breaks as `<br>`).
public enum MarkdownWriter {
    /// The table without its CSV-only columns; empty when there are no rows.
    public static func write(_ table: Table) -> String {
        let table = table.forPeople
        guard !table.rows.isEmpty else { return "" }
        var output = self.row(table.columns.map(\.title))
        output += "|" + table.columns.map { _ in " --- |" }.joined() + "\n"
        for row in table.rows {
            output += self.row(row)
        }
        return output
    }

    private static func row(_ cells: [String]) -> String {
        "|" + cells.map { " \(Self.escape($0)) |" }.joined() + "\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}
