public import ChronoProtocol

/// Why a graph could not be loaded or a record not written: the file, the line and what was wrong there.
public struct GraphLoadError: Error, Sendable, Hashable, CustomStringConvertible, StatusConvertible {
    /// The file at fault (`Graph/events.jsonl`).
    public var file: String
    /// The 1-based line, or 0 when the error concerns the whole file.
    public var line: Int
    /// What was wrong, starting with the field path where there is one.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        self.line > 0 ? "\(self.file):\(self.line): \(self.message)" : "\(self.file): \(self.message)"
    }

    public var status: ChronoError { .invalidArgument(self.description) }
}
