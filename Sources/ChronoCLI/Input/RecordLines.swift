public import ChronoProtocol
import Foundation

/// Reads `Graph/`-format NDJSON (one record object per line) for `write` and `import`.
public enum RecordLines {
    /// The records of `text`, skipping blank lines.
    /// - Throws: `INVALID_ARGUMENT` naming `source:line` for a line that is not a JSON object with a `record` kind.
    public static func parse(_ text: String, source: String) throws(CLIFailure) -> [JSONValue] {
        var records: [JSONValue] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !String(line).trimmingWhitespace.isEmpty else { continue }
            let value: JSONValue
            do {
                value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
            } catch {
                throw CLIFailure(.invalidArgument, "\(source):\(index + 1): not a JSON value")
            }
            guard value.objectValue != nil, value["record"]?.stringValue != nil else {
                throw CLIFailure(.invalidArgument, "\(source):\(index + 1): expected a record object with \"record\"")
            }
            records.append(value)
        }
        return records
    }

    /// Reads `path` (`-` for stdin) as UTF-8 text.
    /// - Throws: `INVALID_ARGUMENT` naming the file when it cannot be read.
    public static func read(_ path: String) throws(CLIFailure) -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CLIFailure(.invalidArgument, "\(path): cannot read the file")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIFailure(.invalidArgument, "\(path): not UTF-8 text")
        }
        return text
    }
}
