import BenchSupport
import NIOCore

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
                return ByteScan.firstIndex(of: Self.statusKey, in: bytes) != nil ? .terminal : .other
            }
            guard let start = ByteScan.lastIndex(of: Self.kindKey, in: bytes) else { return .other }
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

    private static func lastInteger(after key: [UInt8], in line: ByteBuffer) -> Int? {
        line.withUnsafeReadableBytes { bytes in
            var end = bytes.count
            while let start = ByteScan.lastIndex(of: key, in: UnsafeRawBufferPointer(rebasing: bytes[..<end])) {
                if let value = ByteScan.unsignedInteger(at: start + key.count, in: bytes, maxDigits: 18) {
                    return Int(value)
                }
                end = start
            }
            return nil
        }
    }
}
