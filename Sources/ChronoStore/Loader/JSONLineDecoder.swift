internal import ChronoProtocol

/// Decodes one line of plain JSON bytes straight into a `JSONValue`, without Foundation.
///
/// It is a fast path, not a second definition of JSON: it accepts only what it is sure
/// `GraphRecordParser.parse(_: String)` (`JSONSyntaxCheck` then `JSONSerialization`) reads to the same
/// value: a top-level object; strings of valid UTF-8 with the standard escapes; integers that fit in
/// 64 bits; `true`, `false`, `null`; nesting up to `GraphRecordParser.maximumDepth`. For anything else
/// (a fraction or exponent, `-0`, an escaped NUL or lone surrogate, a duplicate member, invalid bytes) it
/// returns `nil`, and the caller takes the slow path, which also words the error.
struct JSONLineDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    private let maximumDepth: Int

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// The object `bytes` hold, or `nil` when the fast path does not take them.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> JSONValue? {
        var decoder = JSONLineDecoder(bytes: bytes, maximumDepth: maximumDepth)
        decoder.skipWhitespace()
        guard decoder.peek == UInt8(ascii: "{"), let value = decoder.value() else { return nil }
        decoder.skipWhitespace()
        guard decoder.index == bytes.count else { return nil }
        return value
    }

    private var peek: UInt8 { self.index < self.bytes.count ? self.bytes[self.index] : 0 }

    private mutating func skipWhitespace() {
        while self.index < self.bytes.count {
            switch self.bytes[self.index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): self.index += 1
            default: return
            }
        }
    }

    private mutating func value() -> JSONValue? {
        self.skipWhitespace()
        switch self.peek {
        case UInt8(ascii: "{"): return self.object()
        case UInt8(ascii: "["): return self.array()
        case UInt8(ascii: "\""): return self.string().map { .string($0) }
        case UInt8(ascii: "t"): return self.literal("true", .bool(true))
        case UInt8(ascii: "f"): return self.literal("false", .bool(false))
        case UInt8(ascii: "n"): return self.literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return self.integer().map { .int($0) }
        default: return nil
        }
    }

    private mutating func object() -> JSONValue? {
        self.depth += 1
        guard self.depth <= self.maximumDepth else { return nil }
        self.index += 1
        var members: [String: JSONValue] = [:]
        self.skipWhitespace()
        if self.peek == UInt8(ascii: "}") {
            self.index += 1
            self.depth -= 1
            return .object(members)
        }
        while true {
            self.skipWhitespace()
            guard self.peek == UInt8(ascii: "\""), let name = self.string() else { return nil }
            self.skipWhitespace()
            guard self.peek == UInt8(ascii: ":") else { return nil }
            self.index += 1
            guard let value = self.value(), members.updateValue(value, forKey: name) == nil else { return nil }
            self.skipWhitespace()
            switch self.peek {
            case UInt8(ascii: ","):
                self.index += 1
            case UInt8(ascii: "}"):
                self.index += 1
                self.depth -= 1
                return .object(members)
            default:
                return nil
            }
        }
    }

    private mutating func array() -> JSONValue? {
        self.depth += 1
        guard self.depth <= self.maximumDepth else { return nil }
        self.index += 1
        var elements: [JSONValue] = []
        self.skipWhitespace()
        if self.peek == UInt8(ascii: "]") {
            self.index += 1
            self.depth -= 1
            return .array(elements)
        }
        while true {
            guard let value = self.value() else { return nil }
            elements.append(value)
            self.skipWhitespace()
            switch self.peek {
            case UInt8(ascii: ","):
                self.index += 1
            case UInt8(ascii: "]"):
                self.index += 1
                self.depth -= 1
                return .array(elements)
            default:
                return nil
            }
        }
    }

    /// `value` when the bytes at the index spell `word`; `nil` otherwise.
    private mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
        let count = word.utf8CodeUnitCount
        guard self.bytes.count - self.index >= count else { return nil }
        for offset in 0..<count where self.bytes[self.index + offset] != word.utf8Start[offset] { return nil }
        self.index += count
        return value
    }

    /// An integer without fraction or exponent that fits in `Int64`; not `-0`.
    private mutating func integer() -> Int64? {
        let negative = self.peek == UInt8(ascii: "-")
        if negative { self.index += 1 }
        let start = self.index
        var magnitude: UInt64 = 0
        while self.index < self.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self.bytes[self.index]) {
            let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(self.bytes[self.index] - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            magnitude = sum
            self.index += 1
        }
        let digits = self.index - start
        guard digits > 0, digits == 1 || self.bytes[start] != UInt8(ascii: "0") else { return nil }
        switch self.peek {
        case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
        default: break
        }
        if negative {
            guard magnitude != 0, magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// A string starting at the opening quote; `nil` for control characters, bad escapes or invalid UTF-8.
    private mutating func string() -> String? {
        self.index += 1
        let start = self.index
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: self.bytes[start..<self.index])
                let text = String(validating: content, as: UTF8.self)
                self.index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return self.escapedString(from: start) }
            guard byte >= 0x20 else { return nil }
            self.index += 1
        }
        return nil
    }

    /// The rest of a string holding escapes, from `start` (just after the opening quote).
    private mutating func escapedString(from start: Int) -> String? {
        var decoded = Array(UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]))
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            self.index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard self.index < self.bytes.count else { return nil }
                let escape = self.bytes[self.index]
                self.index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = self.unicodeEscape() else { return nil }
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                decoded.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair; `nil` for NUL or a lone surrogate.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = self.hex4() else { return nil }
        switch high {
        case 0xD800...0xDBFF:
            guard self.peek == UInt8(ascii: "\\"), self.index + 1 < self.bytes.count,
                self.bytes[self.index + 1] == UInt8(ascii: "u")
            else { return nil }
            self.index += 2
            guard let low = self.hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00...0xDFFF, 0:
            return nil
        default:
            return Unicode.Scalar(high)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard self.bytes.count - self.index >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = self.bytes[self.index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            self.index += 1
        }
        return value
    }
}
