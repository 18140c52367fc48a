import ChronoProtocol
import Foundation

/// A value that also carries its own wire form (`WireCoding`: sorted keys, unescaped slashes, no white
/// space), so a sender may splice those bytes into the frame instead of encoding the value again.
protocol PreEncodedJSON: Encodable, Sendable {
    /// The value encoded by `WireCoding.encode`.
    var json: Data { get }
}

/// A subscription frame with its wire form, encoded once and sent to every subscriber in step.
///
/// Encoding it through any `Encoder` gives the frame itself, so a sender that does not splice `json`
/// still writes the right bytes.
struct EncodedFrame: PreEncodedJSON {
    /// The frame.
    let frame: SubscriptionFrame
    /// `frame` in wire form.
    let json: Data

    /// Encodes `frame` once.
    init(_ frame: SubscriptionFrame) throws {
        self.frame = frame
        self.json = try WireCoding.encode(frame)
    }

    func encode(to encoder: any Encoder) throws {
        try self.frame.encode(to: encoder)
    }
}
