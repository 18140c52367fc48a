import CZlib
import ChronoCompression
import ChronoProtocol
import Testing

@Suite struct GzipRejectionTests {
    static let original = SeededBytes.jsonLines(2000)

    static func compressed() throws -> [UInt8] {
        try GzipDeflater.compress(Self.original)
    }

    /// Inflates `data` expecting the original, and returns the error it is refused with.
    static func refusal(_ data: [UInt8], expectedSize: Int = Self.original.count) -> ZlibError? {
        #expect(throws: ZlibError.self) { try GzipInflater.decompress(data, expectedSize: expectedSize) }
    }

    @Test func flippedChecksumByteIsRefusedAsDataLoss() throws {
        var data = try Self.compressed()
        data[data.count - 8] ^= 0x01
        let error = try #require(Self.refusal(data))
        #expect(error.code == Z_DATA_ERROR)
        #expect(error.message == "inflate: incorrect data check")
        #expect(error.status.code == .dataLoss)
    }

    @Test func flippedLengthByteIsRefused() throws {
        var data = try Self.compressed()
        data[data.count - 1] ^= 0x80
        let error = try #require(Self.refusal(data))
        #expect(error.message == "inflate: incorrect length check")
    }

    @Test func flippedMagicByteIsRefused() throws {
        var data = try Self.compressed()
        data[0] ^= 0xFF
        let error = try #require(Self.refusal(data))
        #expect(error.code == Z_DATA_ERROR)
        #expect(error.message == "inflate: incorrect header check")
    }

    /// Every single-bit flip in the deflate body is caught by zlib's checks or by the trailer's CRC-32.
    @Test func everyFlippedBodyByteIsRefused() throws {
        let data = try Self.compressed()
        var accepted: [Int] = []
        for position in stride(from: 10, to: data.count - 8, by: max(1, (data.count - 18) / 200)) {
            var damaged = data
            damaged[position] ^= 0x10
            let refused = (try? GzipInflater.decompress(damaged, expectedSize: Self.original.count)) == nil
            if !refused { accepted.append(position) }
        }
        #expect(accepted == [])
    }

    @Test(arguments: [1, 4, 8, 100])
    func truncationIsRefusedAsDataLoss(_ dropped: Int) throws {
        let data = Array(try Self.compressed().dropLast(dropped))
        let error = try #require(Self.refusal(data))
        #expect(error.code == Z_BUF_ERROR)
        #expect(error.message.hasPrefix("truncated gzip stream: input ended after"))
        #expect(error.status.code == .dataLoss)
    }

    @Test func emptyInputIsTruncated() throws {
        let error = try #require(Self.refusal([], expectedSize: 0))
        #expect(error.message == "truncated gzip stream: input ended after 0 bytes of output")
    }

    @Test func outputOverTheBoundIsRefused() throws {
        let error = try #require(Self.refusal(try Self.compressed(), expectedSize: Self.original.count - 1))
        #expect(error.message == "inflated data exceeds the bound of \(Self.original.count - 1) bytes")
        #expect(error.status.code == .dataLoss)
    }

    @Test func outputUnderTheExpectedSizeIsRefused() throws {
        let error = try #require(Self.refusal(try Self.compressed(), expectedSize: Self.original.count + 1))
        #expect(error.message == "inflated \(Self.original.count) bytes, expected \(Self.original.count + 1)")
    }

    /// A 64 MiB run of zeros compresses to about 64 KiB; inflating it under a 1 MiB bound stops at the bound.
    @Test func zipBombStopsAtTheBound() throws {
        let deflater = try GzipDeflater()
        var bomb: [UInt8] = []
        let block = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<64 { bomb += try deflater.update(block) }
        bomb += try deflater.finish()
        #expect(bomb.count < 200_000)

        let inflater = try GzipInflater(maximumSize: 1 << 20)
        let error = #expect(throws: ZlibError.self) { try inflater.update(bomb) }
        #expect(error?.message == "inflated data exceeds the bound of 1048576 bytes")
        #expect(inflater.producedSize <= (1 << 20) + 1)
        #expect(throws: ZlibError.self) { try inflater.update([]) }
    }

    @Test func trailingGarbageIsRefused() throws {
        let error = try #require(Self.refusal(try Self.compressed() + [0x00, 0x01, 0x02]))
        #expect(error.message == "trailing garbage: 3 bytes after the end of the gzip stream")
        #expect(error.status.code == .dataLoss)

        let inflater = try GzipInflater(maximumSize: Self.original.count)
        #expect(try inflater.update(try Self.compressed()) == Self.original)
        let late = #expect(throws: ZlibError.self) { try inflater.update([0x1F]) }
        #expect(late?.message == "trailing garbage: 1 bytes after the end of the gzip stream")
    }

    @Test func nonDataErrorsMapToInternal() {
        let error = ZlibError(code: Z_MEM_ERROR, message: "inflate: insufficient memory")
        #expect(error.status == ChronoError.internal("inflate: insufficient memory"))
        #expect(error.description == "zlib error \(Z_MEM_ERROR): inflate: insufficient memory")
    }
}
