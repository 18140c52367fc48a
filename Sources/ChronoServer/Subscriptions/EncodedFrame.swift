import ChronoProtocol

/// A subscription frame with its wire form, encoded once and sent to every subscriber in step: the
/// session's `WireWriter` splices the bytes into each data frame instead of encoding the frame again.
struct EncodedFrame: WireEncodable, Sendable {
    /// The frame.
    let frame: SubscriptionFrame
    /// `frame` in wire form.
    let json: [UInt8]

    /// Encodes `frame` once.
    init(_ frame: SubscriptionFrame) throws {
        self.frame = frame
        self.json = try WireWriter.bytes(of: frame)
    }

    func write(to writer: inout WireWriter) {
        writer.encoded(self.json)
    }
}
