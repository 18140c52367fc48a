public import ChronoProtocol
import Foundation

/// Encodes JSON values the way the wire does: sorted keys, so the bytes are stable across runs.
public enum JSONOutput {
    /// Indented JSON for people and `jq`.
    public static func pretty(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
