import CZlib

/// Compresses a stream of bytes into one gzip member (RFC 1952), readable by `gzip -d` and `zcat`.
///
/// Feed input with ``update(_:)`` and end with ``finish()``; each returns the compressed bytes ready so far.
/// Not thread-safe: confine an instance to one task or thread.
public final class GzipDeflater {
    /// zlib's window bits for a gzip wrapper with a 32 KiB window.
    static let gzipWindowBits: Int32 = 31

    private let stream: UnsafeMutablePointer<z_stream>
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var finished = false

    /// Starts a gzip stream.
    /// - Parameters:
    ///   - level: 0 (store) to 9 (smallest, the default).
    ///   - chunkSize: bytes of output produced per call into zlib, 1...2^30.
    /// - Throws: `ZlibError` with `Z_STREAM_ERROR` for a level outside 0...9, or zlib's own init failure.
    public init(level: Int32 = 9, chunkSize: Int = 64 * 1024) throws(ZlibError) {
        precondition((1...(1 << 30)).contains(chunkSize), "chunkSize must be 1...2^30")
        guard (0...9).contains(level) else {
            throw ZlibError(code: Z_STREAM_ERROR, message: "compression level \(level) out of range 0–9")
        }
        self.stream = .allocate(capacity: 1)
        self.stream.initialize(to: z_stream())
        let code = czlib_deflate_init2(self.stream, level, Self.gzipWindowBits)
        guard code == Z_OK else {
            let error = ZlibError(code: code, stream: self.stream, doing: "deflate init")
            self.stream.deallocate()
            throw error
        }
        self.chunk = .allocate(capacity: chunkSize)
    }

    deinit {
        deflateEnd(self.stream)
        self.stream.deallocate()
        self.chunk.deallocate()
    }

    /// Compresses `input` and returns whatever compressed output zlib has ready (possibly nothing).
    public func update(_ input: [UInt8]) throws(ZlibError) -> [UInt8] {
        try self.run(input, flush: Z_NO_FLUSH)
    }

    /// Compresses any remaining input and writes the gzip trailer (CRC-32 and length); the stream is then done.
    public func finish() throws(ZlibError) -> [UInt8] {
        try self.run([], flush: Z_FINISH)
    }

    /// Compresses `data` in one go.
    public static func compress(_ data: [UInt8], level: Int32 = 9) throws(ZlibError) -> [UInt8] {
        let deflater = try GzipDeflater(level: level)
        return try deflater.update(data) + deflater.finish()
    }

    private func run(_ input: [UInt8], flush: Int32) throws(ZlibError) -> [UInt8] {
        guard !self.finished else {
            throw ZlibError(code: Z_STREAM_ERROR, message: "deflate: the stream is already finished")
        }
        var output: [UInt8] = []
        try input.forEachPiece(on: self.stream) { () throws(ZlibError) in
            // Each pass either fills the chunk (so zlib has more to give) or drains all input; zlib's
            // documentation guarantees progress, so the loop ends.
            while true {
                self.stream.pointee.next_out = self.chunk.baseAddress
                self.stream.pointee.avail_out = UInt32(self.chunk.count)
                let code = deflate(self.stream, flush)
                let produced = self.chunk.count - Int(self.stream.pointee.avail_out)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: self.chunk[..<produced]))
                switch code {
                case Z_STREAM_END:
                    self.finished = true
                    return
                case Z_OK, Z_BUF_ERROR:
                    if self.stream.pointee.avail_out != 0 && flush != Z_FINISH { return }
                    if code == Z_BUF_ERROR && produced == 0 {
                        throw ZlibError(code: code, stream: self.stream, doing: "deflate")
                    }
                default:
                    throw ZlibError(code: code, stream: self.stream, doing: "deflate")
                }
            }
        }
        return output
    }
}

@available(*, unavailable)
extension GzipDeflater: Sendable {}
