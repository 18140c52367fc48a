import ChronoProtocol

/// A subscription frame with its wire form, encoded once and sent to every subscriber in step: the
/// session's `WireWriter` splices the bytes into each data frame instead of encoding the frame again.
///
/// Encoding it through any `Encoder` gives the frame itself, so an encoder that does not splice still
/// writes the right value.
struct EncodedFrame: WireEncodable, Sendable {
    /// The frame.
    let frame: SubscriptionFrame
    /// `frame` in wire form.
    let json: [UInt8]

    /// Encodes `frame` once.
    init(_ frame: SubscriptionFrame) throws {
        self.frame = frame
        var writer = WireWriter()
        try writer.encode(frame)
        self.json = writer.bytes
    }

    func write(to writer: inout WireWriter) {
        writer.encoded(self.json)
    }

    func encode(to encoder: any Encoder) throws {
        try self.frame.encode(to: encoder)
    }
}
