import NIOCore

/// One request line to send, with every `$ID` in it replaced by a per-connection call number.
///
/// The line is split once around the placeholders, so rendering a call is a few buffer copies
/// and one integer formatting, without parsing or allocation beyond the outbound buffer.
struct RequestTemplate: Sendable {
    /// The text that marks where the call number goes.
    static let placeholder = "$ID"

    private let pieces: [[UInt8]]

    /// Splits `line` (without its line ending) around the placeholders.
    init(_ line: Substring) {
        var pieces: [[UInt8]] = []
        var rest = line
        while let range = rest.firstRange(of: Self.placeholder) {
            pieces.append(Array(rest[..<range.lowerBound].utf8))
            rest = rest[range.upperBound...]
        }
        pieces.append(Array(rest.utf8))
        self.pieces = pieces
    }

    /// Whether the line contains a placeholder.
    var hasPlaceholder: Bool {
        self.pieces.count > 1
    }

    /// Writes the line for call `number`, ended by `ending`, into `buffer`.
    func write(number: UInt64, ending: [UInt8], into buffer: inout ByteBuffer) {
        for (index, piece) in self.pieces.enumerated() {
            if index > 0 {
                buffer.writeString(String(number))
            }
            buffer.writeBytes(piece)
        }
        buffer.writeBytes(ending)
    }
}
