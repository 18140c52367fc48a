public import Foundation

/// Writes JSON in the wire's form (no whitespace, unescaped slashes) straight into bytes: every frame and
/// result the server sends is written here, once.
///
/// Objects must be written with their members in sorted key order (UTF-8 byte order); the `WireEncodable`
/// conformances do so and their tests check it.
public struct WireWriter {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8]

    /// Creates an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 512) {
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
    }

    /// The wire form of `value`.
    public static func bytes(of value: some WireEncodable) throws -> [UInt8] {
        var writer = WireWriter()
        try value.write(to: &writer)
        return writer.bytes
    }

    /// Opens an object.
    public mutating func beginObject() {
        self.separate()
        self.bytes.append(UInt8(ascii: "{"))
    }

    /// Closes an object.
    public mutating func endObject() {
        self.bytes.append(UInt8(ascii: "}"))
    }

    /// Opens an array.
    public mutating func beginArray() {
        self.separate()
        self.bytes.append(UInt8(ascii: "["))
    }

    /// Closes an array.
    public mutating func endArray() {
        self.bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a member name; the member's value must follow.
    public mutating func key(_ name: StaticString) {
        self.separate()
        self.bytes.append(UInt8(ascii: "\""))
        self.bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        self.bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Writes a member name given at run time; the member's value must follow.
    public mutating func key(_ name: String) {
        self.separate()
        self.escaped(name)
        self.bytes.append(UInt8(ascii: ":"))
    }

    /// Writes `null`.
    public mutating func null() {
        self.separate()
        self.bytes.append(contentsOf: Self.nullBytes)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        self.separate()
        self.bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    /// Writes an integer.
    public mutating func int(_ value: some BinaryInteger) {
        self.separate()
        self.bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a number: integral values within 2⁵³ without a fraction, as `JSONEncoder` does.
    /// - Throws: `EncodingError.invalidValue` for infinities and NaN, which JSON cannot hold.
    public mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not JSON"))
        }
        self.finite(value)
    }

    /// Writes a finite number (the caller has checked): integral values within 2⁵³ without a fraction,
    /// others in Swift's shortest round-trip form (as Python's `repr` writes them).
    mutating func finite(_ value: Double) {
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
            self.int(Int64(value))
        } else {
            self.separate()
            self.bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Writes a string, escaping what JSON requires.
    public mutating func string(_ value: String) {
        self.separate()
        self.escaped(value)
    }

    /// Writes a string, or `null` when `value` is nil.
    public mutating func string(_ value: String?) {
        if let value { self.string(value) } else { self.null() }
    }

    /// Splices in a value already in wire form (encoded once, sent many times).
    public mutating func encoded(_ json: some Collection<UInt8>) {
        self.separate()
        self.bytes.append(contentsOf: json)
    }

    /// Writes the elements of `values` as an array.
    public mutating func array<Element: WireEncodable>(_ values: [Element]) throws {
        self.beginArray()
        for value in values { try value.write(to: &self) }
        self.endArray()
    }

    /// Writes `members` as an object, its keys in sorted order.
    public mutating func object<Value: WireEncodable>(_ members: [String: Value]) throws {
        self.beginObject()
        for (key, value) in members.sorted(by: { Self.precedes($0.key, $1.key) }) {
            self.key(key)
            try value.write(to: &self)
        }
        self.endObject()
    }

    /// Writes `value`, or `null` when it is nil.
    public mutating func optional(_ value: (some WireEncodable)?) throws {
        if let value { try value.write(to: &self) } else { self.null() }
    }

    /// The order of object members: UTF-8 byte order, which is code point order.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// A comma before a value or member that follows another one.
    private mutating func separate() {
        guard let last = self.bytes.last else { return }
        switch last {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"): return
        default: self.bytes.append(UInt8(ascii: ","))
        }
    }

    private mutating func escaped(_ value: String) {
        self.bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                self.bytes.append(contentsOf: Self.escape(byte))
                start = index + 1
            }
            self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        self.bytes.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        switch byte {
        case UInt8(ascii: "\""): return Array(#"\""#.utf8)
        case UInt8(ascii: "\\"): return Array(#"\\"#.utf8)
        case 0x0A: return Array(#"\n"#.utf8)
        case 0x0D: return Array(#"\r"#.utf8)
        case 0x09: return Array(#"\t"#.utf8)
        case 0x08: return Array(#"\b"#.utf8)
        case 0x0C: return Array(#"\f"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            return Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }
}

/// A value that writes its own wire JSON through `WireWriter`, members in sorted key order: the one
/// encoder of every result, data item and frame the server sends.
public protocol WireEncodable {
    /// Writes the value.
    func write(to writer: inout WireWriter) throws
}

extension String: WireEncodable {
    public func write(to writer: inout WireWriter) { writer.string(self) }
}

extension Int: WireEncodable {
    public func write(to writer: inout WireWriter) { writer.int(self) }
}

extension Int64: WireEncodable {
    public func write(to writer: inout WireWriter) { writer.int(self) }
}

extension Array: WireEncodable where Element: WireEncodable {
    public func write(to writer: inout WireWriter) throws { try writer.array(self) }
}

extension Dictionary: WireEncodable where Key == String, Value: WireEncodable {
    public func write(to writer: inout WireWriter) throws { try writer.object(self) }
}
