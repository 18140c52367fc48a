public import NIOCore

/// Writes each outgoing frame (one JSON value in wire form) as one line: its bytes and a newline.
///
/// The newline is added here (`ByteBuffer.writeFrameLine(_:)`) for a frame held as bytes, and by
/// `WireWriter.endLine()` for frames a session writes in place, one after another; so a frame written by the
/// server or the client is always exactly one whole line on the wire, and frames interleave only at line
/// boundaries.
public struct NewlineFrameEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = [UInt8]

    public init() {}

    /// The bytes `frame` takes on the wire, with its newline.
    public static func lineLength(of frame: [UInt8]) -> Int {
        frame.count + 1
    }

    public func encode(data frame: [UInt8], out: inout ByteBuffer) throws {
        out.writeFrameLine(frame)
    }
}

extension ByteBuffer {
    /// Appends `frame` as one line: its bytes and the newline (`NewlineFrameEncoder.lineLength(of:)` bytes).
    public mutating func writeFrameLine(_ frame: [UInt8]) {
        self.reserveCapacity(minimumWritableBytes: NewlineFrameEncoder.lineLength(of: frame))
        self.writeBytes(frame)
        self.writeInteger(UInt8(ascii: "\n"))
    }
}
