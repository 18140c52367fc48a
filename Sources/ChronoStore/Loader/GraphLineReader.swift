internal import Foundation

/// Reads one `Graph/*.jsonl` file line by line, a chunk at a time, so memory does not grow with the file.
///
/// Lines end at `\n`; a trailing `\r` is dropped.
struct GraphLineReader {
    /// The file on disk.
    let url: URL
    /// The file as errors name it (`Graph/events.jsonl`).
    let file: String
    /// Bytes read from the disk at a time.
    static let chunkSize = 1 << 20

    /// Calls `body` with each line's bytes (valid only during the call), its 1-based number and the bytes of
    /// the file consumed so far.
    ///
    /// - Throws: `GraphLoadError` for an unreadable file, or what `body` throws.
    func forEachLine(
        _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ line: Int, _ consumed: Int64) throws -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: self.url.path) else {
            throw GraphLoadError(.file(self.file), message: "cannot read the file")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var number = 0
        var consumed: Int64 = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            } catch {
                throw GraphLoadError(.line(number + 1, in: self.file), message: "cannot read the file: \(error)")
            }
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            let used = try pending.withUnsafeBufferPointer { buffer -> Int in
                var start = 0
                while start < buffer.count,
                    let found = memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
                {
                    let newline = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    number += 1
                    consumed += Int64(newline - start + 1)
                    try body(Self.trimmed(UnsafeBufferPointer(rebasing: buffer[start..<newline])), number, consumed)
                    start = newline + 1
                }
                return start
            }
            pending.removeFirst(used)
        }
        if !pending.isEmpty {
            consumed += Int64(pending.count)
            try pending.withUnsafeBufferPointer { try body(Self.trimmed($0), number + 1, consumed) }
        }
    }

    /// `line` without a trailing `\r`.
    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        line.last == UInt8(ascii: "\r") ? UnsafeBufferPointer(rebasing: line.dropLast()) : line
    }
}
