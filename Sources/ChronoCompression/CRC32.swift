import CZlib

/// zlib's CRC-32 (the checksum gzip stores in its trailer), computed incrementally.
public struct CRC32: Sendable, Hashable {
    /// The checksum of everything fed so far (0 for nothing).
    public private(set) var value: UInt32 = 0

    /// Starts a checksum over no bytes.
    public init() {}

    /// Adds `bytes` to the checksum.
    public mutating func update(_ bytes: [UInt8]) {
        let value = bytes.withUnsafeBufferPointer { buffer in
            crc32_z(UInt(self.value), buffer.baseAddress, buffer.count)
        }
        self.value = UInt32(truncatingIfNeeded: value)
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
