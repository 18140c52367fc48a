/// Why `JSONParser` refused its input, and the byte offset where it noticed.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable {
        /// The input ended inside a value.
        case unexpectedEnd
        /// A byte that cannot start or continue a value here.
        case unexpectedByte(UInt8)
        /// Something other than whitespace after the value.
        case trailingData
        /// A misspelt `true`, `false` or `null`.
        case invalidLiteral
        /// A number that breaks the JSON grammar (leading zero, missing digits).
        case invalidNumber
        /// A number too large for a double.
        case numberOutOfRange
        /// An object member without a quoted name.
        case expectedMemberName
        /// A member name not followed by `:`.
        case expectedColon
        /// A member or element followed by neither `,` nor the closing bracket.
        case expectedSeparator(closing: Character)
        /// A `,` directly before `}` or `]`.
        case trailingComma
        /// An object names a member twice.
        case duplicateMember(String)
        /// Arrays and objects nested deeper than the limit.
        case tooDeep(limit: Int)
        /// An unknown escape after `\`, or a `\u` without four hex digits.
        case invalidEscape
        /// A `\u` escape of half a surrogate pair.
        case loneSurrogate
        /// A raw control character (below U+0020) inside a string.
        case controlCharacterInString
        /// Bytes in a string that are not UTF-8.
        case invalidUTF8
    }

    /// What was wrong.
    public var reason: Reason
    /// The offset of the byte where the parser noticed.
    public var offset: Int

    /// Creates an error.
    public init(reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let what: String =
            switch self.reason {
            case .unexpectedEnd: "the text ends inside a value"
            case .unexpectedByte(let byte) where byte >= 0x20 && byte < 0x7F:
                "unexpected character '\(Character(Unicode.Scalar(byte)))'"
            case .unexpectedByte(let byte): "unexpected byte 0x\(String(byte, radix: 16, uppercase: true))"
            case .trailingData: "more data after the value"
            case .invalidLiteral: "not true, false or null"
            case .invalidNumber: "a malformed number"
            case .numberOutOfRange: "a number out of range"
            case .expectedMemberName: "expected a quoted member name"
            case .expectedColon: "expected ':' after a member name"
            case .expectedSeparator(let closing): "expected ',' or '\(closing)'"
            case .trailingComma: "a comma before a closing bracket"
            case .duplicateMember(let name): "member \"\(name)\" appears twice"
            case .tooDeep(let limit): "arrays and objects nested deeper than \(limit) levels"
            case .invalidEscape: "an invalid escape sequence"
            case .loneSurrogate: "a \\u escape of an unpaired surrogate"
            case .controlCharacterInString: "a raw control character in a string"
            case .invalidUTF8: "a string that is not valid UTF-8"
            }
        return "\(what) at byte \(self.offset)"
    }
}
