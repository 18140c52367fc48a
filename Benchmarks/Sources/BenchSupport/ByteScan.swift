public import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level searches of one response line, shared by the load tools.
///
/// The tools time a server, so their own reading of an answer must cost microseconds: `memchr` finds the
/// first byte and `memcmp` checks the rest (the generic `firstRange(of:)` on a `ByteBufferView` costs
/// milliseconds on a 40 KB line). Offsets count from the buffer's reader index.
public enum ByteScan {
    /// The offset of the first occurrence of `needle` at or after `start`; `start` itself for an empty needle.
    public static func firstIndex(of needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard let first = needle.first else { return start }
        guard let base = bytes.baseAddress else { return nil }
        return needle.withUnsafeBytes { pattern -> Int? in
            var offset = start
            while offset + pattern.count <= bytes.count {
                guard let hit = memchr(base + offset, Int32(first), bytes.count - offset - pattern.count + 1) else {
                    return nil
                }
                let index = base.distance(to: UnsafeRawPointer(hit))
                if let needleBase = pattern.baseAddress, memcmp(hit, needleBase, pattern.count) == 0 {
                    return index
                }
                offset = index + 1
            }
            return nil
        }
    }

    /// The offset of the first occurrence of `needle` in `buffer`'s readable bytes at or after `start`.
    public static func firstIndex(of needle: [UInt8], in buffer: ByteBuffer, from start: Int = 0) -> Int? {
        buffer.withUnsafeReadableBytes { Self.firstIndex(of: needle, in: $0, from: start) }
    }

    /// Whether `buffer`'s readable bytes contain `needle`.
    public static func contains(_ needle: [UInt8], in buffer: ByteBuffer) -> Bool {
        Self.firstIndex(of: needle, in: buffer) != nil
    }

    /// The offset of the last occurrence of a non-empty `needle`, scanning backwards from the end.
    public static func lastIndex(of needle: [UInt8], in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let first = needle.first else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            if bytes[start] == first, bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
            start -= 1
        }
        return nil
    }

    /// The unsigned decimal integer that starts at `index` (at most `maxDigits` digits, so it cannot
    /// overflow), or `nil` when no digit stands there.
    public static func unsignedInteger(at index: Int, in bytes: UnsafeRawBufferPointer, maxDigits: Int) -> UInt64? {
        var index = index
        var value: UInt64 = 0
        var digits = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), digits < maxDigits {
            value = value * 10 + UInt64(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }

    /// The first 200 bytes of `line` as text, for error messages.
    public static func excerpt(_ line: ByteBuffer) -> String {
        String(decoding: line.readableBytesView.prefix(200), as: UTF8.self)
    }
}
