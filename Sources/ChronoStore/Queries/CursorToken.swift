internal import Foundation

/// The opaque form of page cursors: the cursor's text in base64url without padding (RFC 4648 §5), so a token
/// goes into JSON and URLs as it is.
enum CursorToken {
    /// The token of `text`.
    static func encode(_ text: String) -> String {
        let standard = Data(text.utf8).base64EncodedData()
        return String(
            decoding: standard.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "+"): UInt8(ascii: "-")
                case UInt8(ascii: "/"): UInt8(ascii: "_")
                case UInt8(ascii: "="): nil
                default: byte
                }
            },
            as: UTF8.self
        )
    }

    /// The text of `token`, or `nil` when it is longer than `maximumLength` or not base64url of UTF-8 text.
    static func decode(_ token: String, maximumLength: Int) -> String? {
        guard token.utf8.count <= maximumLength else { return nil }
        var standard = token.utf8.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "-"): UInt8(ascii: "+")
            case UInt8(ascii: "_"): UInt8(ascii: "/")
            default: byte
            }
        }
        standard += repeatElement(UInt8(ascii: "="), count: (4 - standard.count % 4) % 4)
        guard let data = Data(base64Encoded: Data(standard)) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
