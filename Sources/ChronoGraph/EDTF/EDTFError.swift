public import ChronoProtocol

/// Why a string is not an EDTF date this parser accepts; the message names the problem and where it is.
public struct EDTFError: Error, Sendable, Hashable, StatusConvertible, CustomStringConvertible {
    /// A sentence such as `month 13 out of range 1–12 in "2019-13"`.
    public var message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// `INVALID_ARGUMENT` with the message; callers prefix the field path.
    public var status: ChronoError { .invalidArgument(self.message) }

    /// The message.
    public var description: String { self.message }
}

extension EDTFError {
    /// Longest input echoed back in a message, in characters.
    private static let echoLimit = 40

    /// An error for `problem` found in `text`, quoting (a prefix of) the text.
    static func problem(_ problem: String, in text: String) -> EDTFError {
        let isLong = text.prefix(Self.echoLimit + 1).count > Self.echoLimit
        let echoed = isLong ? String(text.prefix(Self.echoLimit)) + "…" : text
        return EDTFError("\(problem) in \"\(echoed)\"")
    }
}
