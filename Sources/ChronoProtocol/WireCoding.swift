public import Foundation

/// The wire's JSON form for values that go through `Encodable` (a client's `Request`): sorted keys, unescaped
/// slashes, no whitespace. What the server sends is written by `WireWriter` instead.
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
