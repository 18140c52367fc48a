import NIOCore

/// Cuts a connection's incoming bytes into request lines in one pass: each complete line is handed out in
/// place, as bytes of the read buffer (no buffer or message per line), and only an unfinished last line is
/// kept, copied, until the bytes that end it arrive.
///
/// A line ends at `\n`; a `\r` just before it is not part of the line (the lines NIOExtras'
/// `LineBasedFrameDecoder` reads, which the client still uses). No line, finished or not, may be longer than
/// `maximumLineLength` bytes.
struct RequestLines {
    /// A line longer than the limit arrived (or is still arriving); no byte after it is read.
    struct LineTooLong: Error {}

    let maximumLineLength: Int
    /// The start of a line whose end has not arrived yet.
    private var unfinished: ByteBuffer?

    init(maximumLineLength: Int) {
        self.maximumLineLength = maximumLineLength
    }

    /// Whether bytes of a line whose end has not arrived are held.
    var hasUnfinishedLine: Bool { self.unfinished != nil }

    /// Hands each line `bytes` completes to `line`, in order, and keeps what follows the last newline.
    mutating func read(
        _ bytes: ByteBuffer,
        allocator: ByteBufferAllocator,
        line: (UnsafeRawBufferPointer) -> Void
    ) throws(LineTooLong) {
        var input = bytes
        if var held = self.unfinished {
            self.unfinished = nil
            held.writeBuffer(&input)
            input = held
        }
        let rest = try input.withUnsafeReadableBytes { (buffer) throws(LineTooLong) -> Int in
            var start = 0
            while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                guard end - start <= self.maximumLineLength else { throw LineTooLong() }
                line(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
                start = newline + 1
            }
            return start
        }
        input.moveReaderIndex(forwardBy: rest)
        guard input.readableBytes > 0 else { return }
        guard input.readableBytes <= self.maximumLineLength else { throw LineTooLong() }
        var held = allocator.buffer(capacity: input.readableBytes)
        held.writeBuffer(&input)
        self.unfinished = held
    }
}
