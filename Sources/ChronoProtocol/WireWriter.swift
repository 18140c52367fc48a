public import Foundation

/// Writes JSON in the wire's form (no whitespace, unescaped slashes) straight into bytes: every frame and
/// result the server sends is written here, once.
///
/// Objects must be written with their members in sorted key order (UTF-8 byte order); the `WireEncodable`
/// conformances do so and their tests check it.
public struct WireWriter: ~Copyable {
    // The bytes live in memory of the writer's own, written through a pointer: an `Array` paid a uniqueness,
    // capacity and count check through its buffer header on every byte appended, and a generic copy on every
    // run. Invariants: `start[0..<count]` are the bytes written and `capacity` bytes are allocated; the writer
    // cannot be copied, so nothing else writes there, and its memory is freed with it.
    private var start: UnsafeMutablePointer<UInt8>
    /// The number of bytes written so far.
    public private(set) var count = 0
    private var capacity: Int

    /// The JSON written so far (a copy).
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: self.start, count: self.count)) }

    /// Calls `body` with the bytes written so far, in place; they must not escape it.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: self.start, count: self.count))
    }

    /// Creates an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        self.start = .allocate(capacity: self.capacity)
    }

    deinit {
        self.start.deallocate()
    }

    /// The wire form of `value`.
    public static func bytes(of value: some WireEncodable) throws -> [UInt8] {
        var writer = WireWriter()
        try value.write(to: &writer)
        return writer.bytes
    }

    /// Ends the value just written as a line of its own (a newline after it): the next value starts a new line,
    /// with no separator. A writer holding several frames, one per line, holds them as the wire carries them.
    public mutating func endLine() {
        self.append(UInt8(ascii: "\n"))
    }

    /// Forgets every byte written after the first `count` (a value given up half-written, or one to be
    /// replaced); `count` must not exceed what was written.
    public mutating func removeBytes(after count: Int) {
        precondition(count >= 0 && count <= self.count, "a writer cannot keep more bytes than it wrote")
        self.count = count
    }

    /// Forgets every byte written, keeping the memory for what comes next unless it is over `capacity` bytes
    /// (a writer reused for many small values should not keep the room one large value needed).
    public mutating func removeAll(keepingCapacityUpTo capacity: Int) {
        self.count = 0
        guard self.capacity > capacity else { return }
        self.start.deallocate()
        self.capacity = max(capacity, 16)
        self.start = .allocate(capacity: self.capacity)
    }

    /// Opens an object.
    public mutating func beginObject() {
        self.separate()
        self.append(UInt8(ascii: "{"))
    }

    /// Closes an object.
    public mutating func endObject() {
        self.append(UInt8(ascii: "}"))
    }

    /// Opens an array.
    public mutating func beginArray() {
        self.separate()
        self.append(UInt8(ascii: "["))
    }

    /// Closes an array.
    public mutating func endArray() {
        self.append(UInt8(ascii: "]"))
    }

    /// Writes a member name known at compile time (a literal, which needs no escaping); the member's value
    /// must follow.
    public mutating func key(_ name: StaticString) {
        self.separate()
        let length = name.utf8CodeUnitCount
        let target = self.room(length + 3)
        target.initialize(to: UInt8(ascii: "\""))
        (target + 1).initialize(from: name.utf8Start, count: length)
        (target + 1 + length).initialize(to: UInt8(ascii: "\""))
        (target + 2 + length).initialize(to: UInt8(ascii: ":"))
        self.count += length + 3
    }

    /// Writes a member name given at run time, escaped; the member's value must follow. (A distinct label, so
    /// a literal name always takes the unescaped `key(_:)`.)
    public mutating func key(named name: String) {
        self.separate()
        self.escaped(name)
        self.append(UInt8(ascii: ":"))
    }

    /// Writes `null`.
    public mutating func null() {
        self.separate()
        self.append(Self.nullBytes)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        self.separate()
        self.append(value ? Self.trueBytes : Self.falseBytes)
    }

    /// Writes an integer.
    public mutating func int(_ value: Int) {
        self.int(Int64(value))
    }

    /// Writes an integer, its decimal digits straight into the bytes.
    public mutating func int(_ value: Int64) {
        self.separate()
        // 19 digits and a sign hold every Int64.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest != 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            self.append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
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
            var text = value.description
            text.withUTF8 { self.append($0) }
        }
    }

    /// Writes a string, escaping what JSON requires.
    public mutating func string(_ value: String) {
        self.separate()
        self.escaped(value)
    }

    /// Writes a string given as UTF-8, escaping what JSON requires (for text formed in a buffer, not a `String`).
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        self.separate()
        self.escaped(utf8: utf8)
    }

    /// Writes a string, or `null` when `value` is nil.
    public mutating func string(_ value: String?) {
        if let value { self.string(value) } else { self.null() }
    }

    /// Splices in a value already in wire form (encoded once, sent many times).
    public mutating func encoded(_ json: some Collection<UInt8>) {
        self.separate()
        if json.withContiguousStorageIfAvailable({ self.append($0) }) == nil { self.append(Array(json)) }
    }

    /// Writes the elements of `values` as an array. (The generic writers are inlinable, so each caller's module
    /// specializes them for its element type.)
    @inlinable
    public mutating func array<Element: WireEncodable>(_ values: [Element]) throws {
        self.beginArray()
        for value in values { try value.write(to: &self) }
        self.endArray()
    }

    /// Writes `members` as an object, its keys in sorted order.
    @inlinable
    public mutating func object<Value: WireEncodable>(_ members: [String: Value]) throws {
        self.beginObject()
        for (key, value) in members.sorted(by: { Self.precedes($0.key, $1.key) }) {
            self.key(named: key)
            try value.write(to: &self)
        }
        self.endObject()
    }

    /// Writes `value`, or `null` when it is nil.
    @inlinable
    public mutating func optional(_ value: (some WireEncodable)?) throws {
        if let value { try value.write(to: &self) } else { self.null() }
    }

    /// The order of object members: UTF-8 byte order, which is code point order.
    @usableFromInline
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// Makes room for `extra` more bytes and returns where they go.
    @inline(__always)
    private mutating func room(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if self.count + extra > self.capacity { self.grow(minimumCapacity: self.count + extra) }
        return self.start + self.count
    }

    /// Moves the bytes into memory with room for `minimumCapacity` bytes and at least twice the current
    /// capacity, so appending stays amortised constant time.
    private mutating func grow(minimumCapacity: Int) {
        let capacity = max(minimumCapacity, 2 * self.capacity)
        let start = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        start.initialize(from: self.start, count: self.count)
        self.start.deallocate()
        self.start = start
        self.capacity = capacity
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        self.room(1).initialize(to: byte)
        self.count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        self.room(bytes.count).initialize(from: base, count: bytes.count)
        self.count += bytes.count
    }

    private mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { self.append($0) }
    }

    /// A comma before a value or member that follows another one (not one that opens a line).
    private mutating func separate() {
        guard self.count > 0 else { return }
        switch self.start[self.count - 1] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: "\n"): return
        default: self.append(UInt8(ascii: ","))
        }
    }

    private mutating func escaped(_ value: String) {
        var text = value
        text.withUTF8 { self.escaped(utf8: $0) }
    }

    /// Writes `utf8` quoted, `"`, `\\` and the control bytes (below 0x20) escaped, every other byte (the rest
    /// of ASCII and all of multi-byte UTF-8) as it is. Eight bytes are tested at once, and each run of bytes
    /// that need no escaping is appended in one piece.
    private mutating func escaped(utf8: UnsafeBufferPointer<UInt8>) {
        self.append(UInt8(ascii: "\""))
        if let base = utf8.baseAddress {
            let count = utf8.count
            var start = 0
            var index = 0
            while index < count {
                if index + 8 <= count,
                    !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let end = min(index + 8, count)
                while index < end {
                    let byte = base[index]
                    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                        self.append(UnsafeBufferPointer(start: base + start, count: index - start))
                        self.escape(byte)
                        start = index + 1
                    }
                    index += 1
                }
            }
            self.append(UnsafeBufferPointer(start: base + start, count: count - start))
        }
        self.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` may need escaping: never false when one does (a byte below
    /// 0x20, `"` or `\\`); rarely true when none does, as the byte-wise tests that follow then decide.
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Nonzero when some byte of `x` is below `n` (n ≤ 0x80); bytes of 0x80 and above never count.
        func below(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &- ones &* n) & ~x & highs }
        return below(word, 0x20) | below(word ^ (ones &* 0x22), 1) | below(word ^ (ones &* 0x5C), 1) != 0
    }

    /// Appends the escape sequence of `byte`.
    private mutating func escape(_ byte: UInt8) {
        self.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): self.append(byte)
        case 0x0A: self.append(UInt8(ascii: "n"))
        case 0x0D: self.append(UInt8(ascii: "r"))
        case 0x09: self.append(UInt8(ascii: "t"))
        case 0x08: self.append(UInt8(ascii: "b"))
        case 0x0C: self.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            self.append([UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            self.append(hex[Int(byte >> 4)])
            self.append(hex[Int(byte & 0x0F)])
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
