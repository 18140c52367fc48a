internal import ChronoProtocol

/// A value bound to a statement parameter.
public enum SQLiteValue: Sendable, Hashable {
    /// `NULL`.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case blob([UInt8])
}

extension SQLiteValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension SQLiteValue {
    /// An integer value.
    public static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }

    /// A text value, or `NULL` for `nil`.
    public static func optionalText(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }
}

extension SQLiteValue {
    /// A JSON array of `values` as text, bound where a statement reads a list with `json_each` (ids are
    /// never pasted into SQL).
    static func jsonArray(_ values: some Sequence<String>) -> SQLiteValue {
        var writer = WireWriter()
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
        return .text(String(decoding: writer.bytes, as: UTF8.self))
    }

    /// A JSON array of `integers` as text, for `json_each`.
    static func jsonArray(_ integers: [Int64]) -> SQLiteValue {
        var writer = WireWriter()
        writer.beginArray()
        for integer in integers { writer.int(integer) }
        writer.endArray()
        return .text(String(decoding: writer.bytes, as: UTF8.self))
    }
}
