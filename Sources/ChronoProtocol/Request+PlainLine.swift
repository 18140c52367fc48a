#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension Request {
    /// The fast path of `parse(bytes:)`: a plain request line read by one scan of its bytes, without the
    /// generic parser's values and readers — an object of `id` (an integer of at most 18 digits, or a string),
    /// `method` (a string), optionally `params` (an object of flat members: strings, integers of at most 18
    /// digits, `true`, `false`, `null` and arrays of strings) and optionally `deadline_ms` (an integer within
    /// the protocol's range), each once, in any order, with any JSON whitespace; every string printable ASCII
    /// without escapes.
    ///
    /// Invariant: when it returns a request, the generic parse of the same bytes returns the same request; on
    /// anything else (escapes, non-ASCII bytes, other members, other values, any error) it returns `nil` and the
    /// generic parser, the authority, reads the line.
    static func plain(bytes: UnsafeRawBufferPointer) -> Request? {
        var scanner = PlainLineScanner(bytes: bytes)
        return scanner.request()
    }
}

/// The cursor of `Request.plain(bytes:)`: each step returns `nil` as soon as the line is not plain.
private struct PlainLineScanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func request() -> Request? {
        self.skipWhitespace()
        guard self.take(UInt8(ascii: "{")) else { return nil }
        var id: RequestID?
        var method: String?
        var params: [String: JSONValue]?
        var deadline: Int64?
        repeat {
            self.skipWhitespace()
            guard let name = self.member() else { return nil }
            self.skipWhitespace()
            guard self.take(UInt8(ascii: ":")) else { return nil }
            self.skipWhitespace()
            switch name {
            case .id:
                guard id == nil, let value = self.id() else { return nil }
                id = value
            case .method:
                guard method == nil, let value = self.plainString() else { return nil }
                method = value
            case .params:
                guard params == nil, let value = self.flatObject() else { return nil }
                params = value
            case .deadline:
                guard deadline == nil, let value = self.integer(),
                    (1...ProtocolLimits.maximumDeadlineMilliseconds).contains(value)
                else { return nil }
                deadline = value
            }
            self.skipWhitespace()
        } while self.take(UInt8(ascii: ","))
        guard self.take(UInt8(ascii: "}")) else { return nil }
        self.skipWhitespace()
        guard self.index == self.bytes.count, let id, let method else { return nil }
        return Request(id: id, method: method, params: params ?? [:], deadlineMilliseconds: deadline)
    }

    private enum Member {
        case id, method, params, deadline
    }

    /// A member name written without escapes: one of the four a plain line may have.
    private mutating func member() -> Member? {
        guard let name = self.plainStringBytes() else { return nil }
        switch (name.count, name.first) {
        case (2, UInt8(ascii: "i")) where Self.equal(name, "id"): return .id
        case (6, UInt8(ascii: "m")) where Self.equal(name, "method"): return .method
        case (6, UInt8(ascii: "p")) where Self.equal(name, "params"): return .params
        case (11, UInt8(ascii: "d")) where Self.equal(name, "deadline_ms"): return .deadline
        default: return nil
        }
    }

    /// An integer id (see `integer()`) or a plain string id.
    private mutating func id() -> RequestID? {
        guard self.index < self.bytes.count else { return nil }
        if self.bytes[self.index] == UInt8(ascii: "\"") { return self.plainString().map(RequestID.string) }
        return self.integer().map(RequestID.int)
    }

    /// `{}` or an object whose members are flat values (`flatValue()`), each name plain and used once.
    private mutating func flatObject() -> [String: JSONValue]? {
        guard self.take(UInt8(ascii: "{")) else { return nil }
        var members: [String: JSONValue] = [:]
        self.skipWhitespace()
        if self.take(UInt8(ascii: "}")) { return members }
        repeat {
            self.skipWhitespace()
            guard let name = self.plainString() else { return nil }
            self.skipWhitespace()
            guard self.take(UInt8(ascii: ":")) else { return nil }
            self.skipWhitespace()
            // A name used twice is the generic parser's error to report.
            guard let value = self.flatValue(), members.updateValue(value, forKey: name) == nil else { return nil }
            self.skipWhitespace()
        } while self.take(UInt8(ascii: ","))
        guard self.take(UInt8(ascii: "}")) else { return nil }
        return members
    }

    /// A plain string, an integer (`integer()`), `true`, `false`, `null`, or an array of plain strings.
    private mutating func flatValue() -> JSONValue? {
        guard self.index < self.bytes.count else { return nil }
        switch self.bytes[self.index] {
        case UInt8(ascii: "\""): return self.plainString().map(JSONValue.string)
        case UInt8(ascii: "t"): return self.literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return self.literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return self.literal("null") ? .null : nil
        case UInt8(ascii: "["): return self.stringArray().map(JSONValue.array)
        default: return self.integer().map(JSONValue.int)
        }
    }

    /// `[]` or an array of plain strings.
    private mutating func stringArray() -> [JSONValue]? {
        guard self.take(UInt8(ascii: "[")) else { return nil }
        var elements: [JSONValue] = []
        self.skipWhitespace()
        if self.take(UInt8(ascii: "]")) { return elements }
        repeat {
            self.skipWhitespace()
            guard let element = self.plainString() else { return nil }
            elements.append(.string(element))
            self.skipWhitespace()
        } while self.take(UInt8(ascii: ","))
        return self.take(UInt8(ascii: "]")) ? elements : nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard self.bytes.count - self.index >= count,
            Self.equal(self.bytes[self.index..<self.index + count], word)
        else { return false }
        self.index += count
        return true
    }

    /// An integer in JSON's form whose digits surely fit `Int64`.
    private mutating func integer() -> Int64? {
        let negative = self.take(UInt8(ascii: "-"))
        let start = self.index
        var value: Int64 = 0
        while self.index < self.bytes.count, let digit = Self.digit(self.bytes[self.index]) {
            // 18 digits always fit; a longer number is left to the generic parser before it could overflow.
            guard self.index - start < 18 else { return nil }
            value = value * 10 + Int64(digit)
            self.index += 1
        }
        let count = self.index - start
        guard count > 0, count == 1 || self.bytes[start] != UInt8(ascii: "0") else { return nil }
        // A fraction or an exponent makes it another number (`.double`): left to the generic parser.
        if self.index < self.bytes.count {
            switch self.bytes[self.index] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        return negative ? -value : value
    }

    private mutating func plainString() -> String? {
        self.plainStringBytes().map { String(decoding: $0, as: UTF8.self) }
    }

    /// A string of printable ASCII with no escape, from its opening quote; its bytes without the quotes.
    /// (Its end found with `memchr`, its bytes checked eight at a time: byte by byte, this scan was the
    /// largest part of reading a plain line.)
    private mutating func plainStringBytes() -> UnsafeRawBufferPointer.SubSequence? {
        guard self.take(UInt8(ascii: "\"")), let base = self.bytes.baseAddress else { return nil }
        let start = self.index
        guard let quote = memchr(base + start, Int32(UInt8(ascii: "\"")), self.bytes.count - start) else { return nil }
        let end = UnsafeRawPointer(quote) - base
        var index = start
        while index + 8 <= end, Self.allPlain((base + index).loadUnaligned(as: UInt64.self)) { index += 8 }
        while index < end {
            let byte = self.bytes[index]
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        self.index = end + 1
        return self.bytes[start..<end]
    }

    /// Whether all eight bytes of `word` are printable ASCII other than a backslash: never true when one is
    /// not; sometimes false when all are, and the byte-wise test then decides.
    private static func allPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Nonzero when some byte of `x` is below `n` (n ≤ 0x80); bytes of 0x80 and above never count.
        func below(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &- ones &* n) & ~x & highs }
        return word & highs | below(word, 0x20) | below(word ^ (ones &* 0x5C), 1) == 0
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard self.index < self.bytes.count, self.bytes[self.index] == byte else { return false }
        self.index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while self.index < self.bytes.count {
            switch self.bytes[self.index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): self.index += 1
            default: return
            }
        }
    }

    private static func digit(_ byte: UInt8) -> UInt8? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : nil
    }

    private static func equal(_ bytes: UnsafeRawBufferPointer.SubSequence, _ name: StaticString) -> Bool {
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for offset in 0..<bytes.count where bytes[bytes.startIndex + offset] != expected[offset] { return false }
        return true
    }
}
