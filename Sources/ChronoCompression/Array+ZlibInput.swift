import CZlib

extension Array where Element == UInt8 {
    /// Largest piece handed to zlib at once; `avail_in` is a 32-bit count.
    static let maximumZlibPiece = 1 << 30

    /// Points `stream`'s input at each piece of this array in turn (one empty piece for an empty array) and
    /// runs `body`, which must consume the piece; the input pointer is cleared afterwards.
    func forEachPiece(
        on stream: UnsafeMutablePointer<z_stream>,
        _ body: () throws(ZlibError) -> Void
    ) throws(ZlibError) {
        let result: Result<Void, ZlibError> = self.withUnsafeBufferPointer { buffer in
            defer {
                stream.pointee.next_in = nil
                stream.pointee.avail_in = 0
            }
            var offset = 0
            repeat {
                let count = Swift.min(buffer.count - offset, Self.maximumZlibPiece)
                stream.pointee.next_in = UnsafeMutablePointer(mutating: buffer.baseAddress.map { $0 + offset })
                stream.pointee.avail_in = UInt32(count)
                let step = Result { () throws(ZlibError) in try body() }
                if case .failure = step { return step }
                offset += count
            } while offset < buffer.count
            return .success(())
        }
        try result.get()
    }
}
