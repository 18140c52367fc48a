import Foundation

/// Writes a table as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they must be.
public enum CSVWriter {
    /// The whole table, every column included (CSV-only ones too).
    public static func write(_ table: Table) -> String {
        var output = self.record(table.columns.map { Self.headerName($0.title) })
        for row in table.rows {
            output += self.record(row)
        }
        return output
    }

    /// One field, quoted when it holds a comma, a quote, CR or LF; inner quotes doubled.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func record(_ fields: [String]) -> String {
        fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    private static func headerName(_ title: String) -> String {
        title.lowercased().replacingOccurrences(of: " ", with: "_")
    }
}
