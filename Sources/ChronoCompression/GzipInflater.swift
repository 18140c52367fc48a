import CZlib

/// Decompresses one gzip member, refusing to produce more than a stated number of bytes.
///
/// Feed compressed bytes with ``update(_:)`` and end with ``finish()``. Refused, each with a `ZlibError` whose
/// status is `DATA_LOSS`: corrupt data or a CRC-32/length mismatch (`Z_DATA_ERROR`, zlib's message), output
/// beyond `maximumSize` (the zip-bomb guard, checked before the excess is held in memory), bytes after the end
/// of the member, and input that stops before the member ends (`Z_BUF_ERROR`, at ``finish()``).
/// Not thread-safe: confine an instance to one task or thread.
public final class GzipInflater {
    /// Most bytes this inflater will produce.
    public let maximumSize: Int
    /// Bytes produced so far.
    public private(set) var producedSize = 0
    /// Whether the end of the gzip member has been seen.
    public private(set) var isComplete = false

    private let stream: UnsafeMutablePointer<z_stream>
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var failed = false

    /// Starts inflating a gzip member whose uncompressed size is at most `maximumSize` bytes.
    ///
    /// `chunkSize` (1...2^30 bytes) is how much output is produced per call into zlib.
    public init(maximumSize: Int, chunkSize: Int = 64 * 1024) throws(ZlibError) {
        precondition((1...(1 << 30)).contains(chunkSize), "chunkSize must be 1...2^30")
        self.maximumSize = max(0, maximumSize)
        self.stream = .allocate(capacity: 1)
        self.stream.initialize(to: z_stream())
        let code = czlib_inflate_init2(self.stream, GzipDeflater.gzipWindowBits)
        guard code == Z_OK else {
            let error = ZlibError(code: code, stream: self.stream, doing: "inflate init")
            self.stream.deallocate()
            throw error
        }
        self.chunk = .allocate(capacity: chunkSize)
    }

    deinit {
        inflateEnd(self.stream)
        self.stream.deallocate()
        self.chunk.deallocate()
    }

    /// Inflates `input` and returns the bytes it yields. After an error the inflater refuses further input.
    public func update(_ input: [UInt8]) throws(ZlibError) -> [UInt8] {
        guard !self.failed else {
            throw ZlibError(code: Z_STREAM_ERROR, message: "inflate: the stream already failed")
        }
        guard !self.isComplete || input.isEmpty else {
            throw self.fail(Z_DATA_ERROR, "trailing garbage: \(input.count) bytes after the end of the gzip stream")
        }
        var output: [UInt8] = []
        try input.forEachPiece(on: self.stream) { () throws(ZlibError) in
            try self.drain(into: &output)
        }
        return output
    }

    /// Checks that the whole gzip member (trailer included) has been read.
    public func finish() throws(ZlibError) {
        guard !self.failed else {
            throw ZlibError(code: Z_STREAM_ERROR, message: "inflate: the stream already failed")
        }
        guard self.isComplete else {
            let message = "truncated gzip stream: input ended after \(self.producedSize) bytes of output"
            throw self.fail(Z_BUF_ERROR, message)
        }
    }

    /// Inflates `data`, which must hold exactly one gzip member of exactly `expectedSize` bytes uncompressed.
    public static func decompress(_ data: [UInt8], expectedSize: Int) throws(ZlibError) -> [UInt8] {
        let inflater = try GzipInflater(maximumSize: expectedSize)
        let output = try inflater.update(data)
        try inflater.finish()
        guard output.count == expectedSize else {
            throw ZlibError(
                code: Z_DATA_ERROR,
                message: "inflated \(output.count) bytes, expected \(expectedSize)"
            )
        }
        return output
    }

    /// Runs inflate over the current input until it is consumed or the member ends.
    private func drain(into output: inout [UInt8]) throws(ZlibError) {
        // Each pass consumes input or produces output; zlib returns Z_BUF_ERROR when it can do neither, so the
        // loop ends.
        while true {
            // Room for one byte past the bound, so that exceeding it is seen without holding more.
            let remaining = self.maximumSize - self.producedSize
            let room = remaining < self.chunk.count ? remaining + 1 : self.chunk.count
            self.stream.pointee.next_out = self.chunk.baseAddress
            self.stream.pointee.avail_out = UInt32(room)
            let code = inflate(self.stream, Z_NO_FLUSH)
            let produced = room - Int(self.stream.pointee.avail_out)
            self.producedSize += produced
            if self.producedSize > self.maximumSize {
                throw self.fail(Z_DATA_ERROR, "inflated data exceeds the bound of \(self.maximumSize) bytes")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: self.chunk[..<produced]))
            switch code {
            case Z_STREAM_END:
                self.isComplete = true
                let rest = Int(self.stream.pointee.avail_in)
                guard rest == 0 else {
                    throw self.fail(Z_DATA_ERROR, "trailing garbage: \(rest) bytes after the end of the gzip stream")
                }
                return
            case Z_OK:
                if self.stream.pointee.avail_in == 0 && self.stream.pointee.avail_out != 0 { return }
            case Z_BUF_ERROR:
                return
            default:
                self.failed = true
                throw ZlibError(code: code, stream: self.stream, doing: "inflate")
            }
        }
    }

    private func fail(_ code: Int32, _ message: String) -> ZlibError {
        self.failed = true
        return ZlibError(code: code, message: message)
    }
}

@available(*, unavailable)
extension GzipInflater: Sendable {}
