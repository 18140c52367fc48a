import ChronoCompression
import ChronoProtocol
import Testing

@Suite struct GzipRoundTripTests {
    /// A named input; the name stands in for the bytes in test output.
    struct Input: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]

        var testDescription: String { "\(self.name) (\(self.bytes.count) bytes)" }
    }

    static let inputs: [Input] = [
        Input(name: "empty", bytes: []),
        Input(name: "one byte", bytes: [0x41]),
        Input(name: "small text", bytes: Array("Chronograph: migration in Azerbaijan, 1988–2011.\n".utf8)),
        Input(name: "json lines", bytes: SeededBytes.jsonLines(20_000)),
        Input(name: "random", bytes: SeededBytes.random(count: 1_000_000, seed: 42)),
        Input(name: "zeros", bytes: [UInt8](repeating: 0, count: 3_000_000)),
    ]

    @Test(arguments: Self.inputs)
    func oneShotRoundTrip(_ input: Input) throws {
        let bytes = input.bytes
        let compressed = try GzipDeflater.compress(bytes)
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        #expect(try GzipInflater.decompress(compressed, expectedSize: bytes.count) == bytes)
    }

    @Test(arguments: Self.inputs)
    func streamingRoundTripInUnevenPieces(_ input: Input) throws {
        let bytes = input.bytes
        let deflater = try GzipDeflater(level: 6, chunkSize: 1000)
        var compressed: [UInt8] = []
        var offset = 0
        var step = 1
        while offset < bytes.count {
            let end = min(bytes.count, offset + step)
            compressed += try deflater.update(Array(bytes[offset..<end]))
            offset = end
            step = step * 3 + 7
        }
        compressed += try deflater.finish()

        let inflater = try GzipInflater(maximumSize: bytes.count, chunkSize: 777)
        var output: [UInt8] = []
        offset = 0
        step = 1
        while offset < compressed.count {
            let end = min(compressed.count, offset + step)
            output += try inflater.update(Array(compressed[offset..<end]))
            offset = end
            step = step * 2 + 1
        }
        try inflater.finish()
        #expect(inflater.isComplete)
        #expect(inflater.producedSize == bytes.count)
        #expect(output == bytes)
    }

    @Test func everyLevelRoundTripsAndHigherLevelsAreNoLarger() throws {
        let bytes = SeededBytes.jsonLines(5000)
        var sizes: [Int] = []
        for level: Int32 in 0...9 {
            let compressed = try GzipDeflater.compress(bytes, level: level)
            #expect(try GzipInflater.decompress(compressed, expectedSize: bytes.count) == bytes)
            sizes.append(compressed.count)
        }
        #expect(sizes[0] > bytes.count)
        #expect(sizes[9] <= sizes[1])
        #expect(sizes[9] < bytes.count / 10)
    }

    @Test func unboundedInflaterAcceptsAnySize() throws {
        let bytes = SeededBytes.jsonLines(1000)
        let inflater = try GzipInflater(maximumSize: .max)
        #expect(try inflater.update(GzipDeflater.compress(bytes)) == bytes)
        try inflater.finish()
    }

    @Test func finishedDeflaterRefusesMoreInput() throws {
        let deflater = try GzipDeflater()
        _ = try deflater.finish()
        #expect(throws: ZlibError.self) { try deflater.update([1, 2, 3]) }
    }

    @Test func levelOutsideZeroToNineIsRefused() {
        let error = #expect(throws: ZlibError.self) { try GzipDeflater(level: 12) }
        #expect(error?.message == "compression level 12 out of range 0–9")
        #expect(error?.status.code == .internal)
    }
}
