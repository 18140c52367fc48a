public import Foundation

/// The one JSON form used on the wire: sorted keys, unescaped slashes, no whitespace.
public enum WireCoding {
    /// A fresh encoder with the wire's output formatting.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes `value` in the wire's form.
    public static func encode(_ value: some Encodable) throws -> Data {
        try Self.makeEncoder().encode(value)
    }
}
