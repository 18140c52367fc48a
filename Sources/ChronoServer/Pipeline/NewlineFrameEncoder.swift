import NIOCore

/// Writes each outbound frame followed by `\n`, so every frame is one line on the wire.
struct NewlineFrameEncoder: MessageToByteEncoder {
    typealias OutboundIn = ByteBuffer

    func encode(data: ByteBuffer, out: inout ByteBuffer) {
        var data = data
        out.writeBuffer(&data)
        out.writeInteger(UInt8(ascii: "\n"))
    }
}
