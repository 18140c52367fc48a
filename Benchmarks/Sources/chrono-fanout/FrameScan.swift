import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cheap byte scans of one server frame line, so the client spends microseconds per notification and
/// its own parsing does not delay the timestamps of the frames behind it.
///
/// chronod writes sorted keys without white space: a data frame is `{"data":{"added":[...],"changed":[...],
/// "kind":"change","removed":[...],"revision":N},"id":I,"seq":S}` (removed items carry no value, so the
/// frame's own `kind`, `revision` and `id` are the last ones in the line: found by scanning backwards),
/// and a terminal frame carries `"status":`.
enum FrameScan {
    /// What a frame line is.
    enum Kind: Equatable {
        case initial, change, progress, terminal, other
    }

    private static let dataPrefix = Array(#"{"data":"#.utf8)
    private static let kindKey = Array(#""kind":""#.utf8)
    private static let idKey = Array(#""id":"#.utf8)
    private static let revisionKey = Array(#""revision":"#.utf8)
    private static let statusKey = Array(#""status":""#.utf8)

    /// The frame's kind: a data frame's last `kind` member, or terminal when it has a `status`.
    static func kind(of line: ByteBuffer) -> Kind {
        line.withUnsafeReadableBytes { bytes in
            guard bytes.starts(with: Self.dataPrefix) else {
                return Self.firstIndex(of: Self.statusKey, in: bytes) != nil ? .terminal : .other
            }
            guard let start = Self.lastIndex(of: Self.kindKey, in: bytes) else { return .other }
            let value = bytes[(start + Self.kindKey.count)...]
            if value.starts(with: "change\"".utf8) { return .change }
            if value.starts(with: "progress\"".utf8) { return .progress }
            if value.starts(with: "initial\"".utf8) { return .initial }
            return .other
        }
    }

    /// The call id of a frame: its last `"id":` member with an integer value.
    static func callID(in line: ByteBuffer) -> Int? {
        Self.lastInteger(after: Self.idKey, in: line)
    }

    /// The frame's revision: its last `"revision":` member.
    static func revision(in line: ByteBuffer) -> Int64? {
        Self.lastInteger(after: Self.revisionKey, in: line).map(Int64.init)
    }

    /// Whether `line` contains `needle`.
    static func contains(_ needle: [UInt8], in line: ByteBuffer) -> Bool {
        line.withUnsafeReadableBytes { Self.firstIndex(of: needle, in: $0) != nil }
    }

    /// The first 200 bytes of `line` as text, for error messages.
    static func excerpt(_ line: ByteBuffer) -> String {
        String(decoding: line.readableBytesView.prefix(200), as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, !needle.isEmpty else { return nil }
        var start = 0
        while start + needle.count <= bytes.count {
            guard let hit = memchr(base + start, Int32(needle[0]), bytes.count - start - needle.count + 1) else {
                return nil
            }
            let index = hit - UnsafeMutableRawPointer(mutating: base)
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            start = index + 1
        }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in bytes: UnsafeRawBufferPointer) -> Int? {
        var start = bytes.count - needle.count
        while start >= 0 {
            if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
            start -= 1
        }
        return nil
    }

    private static func lastInteger(after key: [UInt8], in line: ByteBuffer) -> Int? {
        line.withUnsafeReadableBytes { bytes in
            var end = bytes.count
            while let start = Self.lastIndex(of: key, in: UnsafeRawBufferPointer(rebasing: bytes[..<end])) {
                var index = start + key.count
                var value = 0
                var digits = 0
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), digits < 18 {
                    value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                }
                if digits > 0 { return value }
                end = start
            }
            return nil
        }
    }
}
