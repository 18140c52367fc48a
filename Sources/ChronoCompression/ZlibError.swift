import CZlib
public import ChronoProtocol

/// A zlib failure: zlib's return code and its message (`stream.msg`), or ours where zlib gives none.
public struct ZlibError: Error, Sendable, Hashable, StatusConvertible, CustomStringConvertible {
    /// zlib's return code (`Z_DATA_ERROR`, `Z_BUF_ERROR`, …).
    public var code: Int32
    /// What went wrong, in words.
    public var message: String

    /// Creates an error from a zlib code and a message.
    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// Whether the compressed bytes themselves are bad: corrupt, truncated, over the size bound, trailing
    /// garbage or a checksum mismatch.
    public var isDataError: Bool {
        self.code == Z_DATA_ERROR || self.code == Z_BUF_ERROR
    }

    /// `DATA_LOSS` for bad compressed data, `INTERNAL` for anything else (memory, misuse, version).
    public var status: ChronoError {
        self.isDataError ? .dataLoss(self.message) : .internal(self.message)
    }

    /// The code and the message, for logs.
    public var description: String { "zlib error \(self.code): \(self.message)" }
}

extension ZlibError {
    /// The error for `code` returned on `stream`, with zlib's own message when it set one.
    init(code: Int32, stream: UnsafePointer<z_stream>, doing action: String) {
        let detail: String
        if let message = stream.pointee.msg {
            detail = String(cString: message)
        } else if let message = zError(code) {
            detail = String(cString: message)
        } else {
            detail = "code \(code)"
        }
        self.init(code: code, message: "\(action): \(detail)")
    }
}
