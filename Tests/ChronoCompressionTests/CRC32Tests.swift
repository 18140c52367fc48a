import ChronoCompression
import Testing

@Suite struct CRC32Tests {
    @Test func matchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func incrementalEqualsOneShot() {
        let bytes = SeededBytes.random(count: 100_000, seed: 3)
        var crc = CRC32()
        crc.update(Array(bytes[..<12_345]))
        crc.update(Array(bytes[12_345...]))
        #expect(crc.value == CRC32.checksum(bytes))
    }

    /// The gzip trailer holds the CRC-32 and the length of the input, little-endian (RFC 1952 §2.3.1).
    @Test func equalsTheChecksumInTheGzipTrailer() throws {
        let bytes = SeededBytes.jsonLines(300)
        let compressed = try GzipDeflater.compress(bytes)
        let trailer = compressed.suffix(8).map(UInt32.init)
        let stored = trailer[0] | trailer[1] << 8 | trailer[2] << 16 | trailer[3] << 24
        let length = trailer[4] | trailer[5] << 8 | trailer[6] << 16 | trailer[7] << 24
        #expect(stored == CRC32.checksum(bytes))
        #expect(length == UInt32(bytes.count))
    }
}
