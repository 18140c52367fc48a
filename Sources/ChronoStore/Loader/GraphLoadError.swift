public import ChronoProtocol

/// Why a graph could not be loaded or a record not written: where (a file's line, a whole file, an upsert of
/// a write) and what was wrong there.
public struct GraphLoadError: Error, Sendable, Hashable, CustomStringConvertible, StatusConvertible {
    /// Where the fault is.
    public var origin: RecordOrigin
    /// What was wrong, starting with the field path where there is one.
    public var message: String

    /// Creates an error.
    public init(_ origin: RecordOrigin, message: String) {
        self.origin = origin
        self.message = message
    }

    public var description: String { "\(self.origin): \(self.message)" }

    public var status: ChronoError { .invalidArgument(self.description) }
}
