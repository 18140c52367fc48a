/// A strict JSON parser (RFC 8259) from bytes straight to `JSONValue`, for request lines on the hot path.
///
/// Stricter than Foundation's parser on Linux: it refuses a comma before `}` or `]`, a member name used twice
/// in one object (names compared after unescaping), invalid UTF-8 and lone surrogates in strings, numbers
/// beyond `Double`'s range, and nesting deeper than the given limit. Integers that fit in `Int64` become
/// `.int`; other numbers `.double`. It never traps, whatever the bytes.
public enum JSONParser {
    /// Parses `bytes`, which must hold exactly one JSON value (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int) throws(JSONParseError) -> JSONValue {
        var cursor = Cursor(bytes: bytes, maximumDepth: maximumDepth)
        let value = try cursor.value()
        cursor.skipWhitespace()
        guard cursor.index == bytes.count else { throw cursor.failure(.trailingData) }
        return value
    }

    /// Parses the UTF-8 bytes of `text`.
    public static func parse(_ text: String, maximumDepth: Int) throws(JSONParseError) -> JSONValue {
        let result = Array(text.utf8).withUnsafeBytes { bytes in
            Result { () throws(JSONParseError) in try Self.parse(bytes, maximumDepth: maximumDepth) }
        }
        return try result.get()
    }
}

extension JSONParser {
    /// The parser's position in its input; one value per call, recursing into arrays and objects.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        let maximumDepth: Int
        var index = 0
        var depth = 0

        init(bytes: UnsafeRawBufferPointer, maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        func failure(_ reason: JSONParseError.Reason) -> JSONParseError {
            JSONParseError(reason: reason, offset: self.index)
        }

        mutating func skipWhitespace() {
            while self.index < self.bytes.count {
                switch self.bytes[self.index] {
                case .space, .tab, .lineFeed, .carriageReturn: self.index += 1
                default: return
                }
            }
        }

        mutating func value() throws(JSONParseError) -> JSONValue {
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.failure(.unexpectedEnd) }
            switch self.bytes[self.index] {
            case .openBrace: return try self.object()
            case .openBracket: return try self.array()
            case .quote: return .string(try self.string())
            case UInt8(ascii: "t"): return try self.literal("true", .bool(true))
            case UInt8(ascii: "f"): return try self.literal("false", .bool(false))
            case UInt8(ascii: "n"): return try self.literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try self.number()
            case let byte: throw self.failure(.unexpectedByte(byte))
            }
        }

        private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
            let count = word.utf8CodeUnitCount
            guard self.bytes.count - self.index >= count else { throw self.failure(.invalidLiteral) }
            for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] {
                throw self.failure(.invalidLiteral)
            }
            self.index += count
            return value
        }

        private mutating func enter() throws(JSONParseError) {
            guard self.depth < self.maximumDepth else { throw self.failure(.tooDeep(limit: self.maximumDepth)) }
            self.depth += 1
            self.index += 1
        }

        private mutating func object() throws(JSONParseError) -> JSONValue {
            try self.enter()
            var members: [String: JSONValue] = [:]
            self.skipWhitespace()
            if self.index < self.bytes.count, self.bytes[self.index] == .closeBrace {
                self.index += 1
                self.depth -= 1
                return .object(members)
            }
            while true {
                self.skipWhitespace()
                guard self.index < self.bytes.count else { throw self.failure(.unexpectedEnd) }
                guard self.bytes[self.index] == .quote else { throw self.failure(.expectedMemberName) }
                let nameOffset = self.index
                let name = try self.string()
                guard members[name] == nil else {
                    throw JSONParseError(reason: .duplicateMember(String(name.prefix(64))), offset: nameOffset)
                }
                self.skipWhitespace()
                guard self.index < self.bytes.count, self.bytes[self.index] == .colon else {
                    throw self.failure(self.index < self.bytes.count ? .expectedColon : .unexpectedEnd)
                }
                self.index += 1
                members[name] = try self.value()
                guard try self.separator(closing: .closeBrace) else { break }
            }
            self.depth -= 1
            return .object(members)
        }

        private mutating func array() throws(JSONParseError) -> JSONValue {
            try self.enter()
            var elements: [JSONValue] = []
            self.skipWhitespace()
            if self.index < self.bytes.count, self.bytes[self.index] == .closeBracket {
                self.index += 1
                self.depth -= 1
                return .array(elements)
            }
            while true {
                elements.append(try self.value())
                guard try self.separator(closing: .closeBracket) else { break }
            }
            self.depth -= 1
            return .array(elements)
        }

        /// After a member or element: `true` after a comma (another one follows), `false` after `closing`.
        private mutating func separator(closing: UInt8) throws(JSONParseError) -> Bool {
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.failure(.unexpectedEnd) }
            switch self.bytes[self.index] {
            case .comma:
                self.index += 1
                self.skipWhitespace()
                if self.index < self.bytes.count,
                    self.bytes[self.index] == .closeBrace || self.bytes[self.index] == .closeBracket
                {
                    throw self.failure(.trailingComma)
                }
                return true
            case closing:
                self.index += 1
                return false
            default:
                throw self.failure(.expectedSeparator(closing: Character(Unicode.Scalar(closing))))
            }
        }

        /// A string starting at the opening quote; ends after the closing quote.
        mutating func string() throws(JSONParseError) -> String {
            let start = self.index + 1
            var end = start
            while end < self.bytes.count {
                let byte = self.bytes[end]
                if byte == .quote {
                    self.index = end + 1
                    return String(decoding: UnsafeRawBufferPointer(rebasing: self.bytes[start..<end]), as: UTF8.self)
                }
                if byte == .backslash || byte < 0x20 || byte >= 0x80 { break }
                end += 1
            }
            self.index = start
            return try self.escapedString()
        }

        /// The slow path of `string()`: escapes, non-ASCII bytes (validated as UTF-8) and errors.
        private mutating func escapedString() throws(JSONParseError) -> String {
            var utf8: [UInt8] = []
            while self.index < self.bytes.count {
                let byte = self.bytes[self.index]
                switch byte {
                case .quote:
                    guard let text = String(validating: utf8, as: UTF8.self) else { throw self.failure(.invalidUTF8) }
                    self.index += 1
                    return text
                case .backslash:
                    try self.escape(into: &utf8)
                case 0..<0x20:
                    throw self.failure(.controlCharacterInString)
                default:
                    utf8.append(byte)
                    self.index += 1
                }
            }
            throw self.failure(.unexpectedEnd)
        }

        private mutating func escape(into utf8: inout [UInt8]) throws(JSONParseError) {
            guard self.index + 1 < self.bytes.count else { throw self.failure(.unexpectedEnd) }
            let code = self.bytes[self.index + 1]
            let simple: UInt8? =
                switch code {
                case .quote, .backslash, UInt8(ascii: "/"): code
                case UInt8(ascii: "b"): 0x08
                case UInt8(ascii: "f"): 0x0C
                case UInt8(ascii: "n"): .lineFeed
                case UInt8(ascii: "r"): .carriageReturn
                case UInt8(ascii: "t"): .tab
                default: nil
                }
            if let simple {
                utf8.append(simple)
                self.index += 2
                return
            }
            guard code == UInt8(ascii: "u") else { throw self.failure(.invalidEscape) }
            let first = try self.hexUnit(at: self.index + 2)
            var scalarValue = UInt32(first)
            var length = 6
            if (0xD800..<0xDC00).contains(first) {
                guard self.index + 7 < self.bytes.count, self.bytes[self.index + 6] == .backslash,
                    self.bytes[self.index + 7] == UInt8(ascii: "u")
                else { throw self.failure(.loneSurrogate) }
                let second = try self.hexUnit(at: self.index + 8)
                guard (0xDC00..<0xE000).contains(second) else { throw self.failure(.loneSurrogate) }
                scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                length = 12
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw self.failure(.loneSurrogate) }
            utf8.append(contentsOf: String(Character(scalar)).utf8)
            self.index += length
        }

        private func hexUnit(at offset: Int) throws(JSONParseError) -> UInt16 {
            guard offset + 4 <= self.bytes.count else { throw self.failure(.invalidEscape) }
            var unit: UInt16 = 0
            for byte in self.bytes[offset..<(offset + 4)] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw self.failure(.invalidEscape)
                }
                unit = unit << 4 | UInt16(digit)
            }
            return unit
        }

        /// A number by the JSON grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        private mutating func number() throws(JSONParseError) -> JSONValue {
            let start = self.index
            var isInteger = true
            if self.bytes[self.index] == UInt8(ascii: "-") { self.index += 1 }
            guard self.index < self.bytes.count, self.isDigit(self.bytes[self.index]) else {
                throw self.failure(.invalidNumber)
            }
            if self.bytes[self.index] == UInt8(ascii: "0") {
                self.index += 1
                if self.index < self.bytes.count, self.isDigit(self.bytes[self.index]) {
                    throw self.failure(.invalidNumber)
                }
            } else {
                self.skipDigits()
            }
            if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ".") {
                isInteger = false
                self.index += 1
                try self.requireDigits()
            }
            if self.index < self.bytes.count,
                self.bytes[self.index] == UInt8(ascii: "e") || self.bytes[self.index] == UInt8(ascii: "E")
            {
                isInteger = false
                self.index += 1
                if self.index < self.bytes.count,
                    self.bytes[self.index] == UInt8(ascii: "+") || self.bytes[self.index] == UInt8(ascii: "-")
                {
                    self.index += 1
                }
                try self.requireDigits()
            }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self)
            if isInteger, let integer = Int64(text) { return .int(integer) }
            guard let double = Double(text), double.isFinite else {
                throw JSONParseError(reason: .numberOutOfRange, offset: start)
            }
            return .double(double)
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        private mutating func skipDigits() {
            while self.index < self.bytes.count, self.isDigit(self.bytes[self.index]) { self.index += 1 }
        }

        private mutating func requireDigits() throws(JSONParseError) {
            guard self.index < self.bytes.count, self.isDigit(self.bytes[self.index]) else {
                throw self.failure(.invalidNumber)
            }
            self.skipDigits()
        }
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let colon = UInt8(ascii: ":")
}
