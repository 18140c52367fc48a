public import ChronoProtocol
import Foundation

/// Encodes JSON values the way the wire does: sorted keys, so the bytes are stable across runs.
public enum JSONOutput {
    /// One line of JSON with no newline (an NDJSON record).
    public static func compact(_ value: JSONValue) throws -> String {
        try self.encode(value, formatting: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// Indented JSON for people and `jq`.
    public static func pretty(_ value: JSONValue) throws -> String {
        try self.encode(value, formatting: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
    }

    private static func encode(_ value: JSONValue, formatting: JSONEncoder.OutputFormatting) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
