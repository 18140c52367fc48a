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
