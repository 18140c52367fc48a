/// A JSON field that is not valid: what was wrong and at which field path.
public struct JSONFieldError: Error, Sendable, Hashable, CustomStringConvertible, StatusConvertible {
    /// The field at fault (`params.limit`, `participants[2].role`), or empty for the value as a whole.
    public var path: String
    /// What was wrong.
    public var message: String

    /// Creates an error at `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { self.path.isEmpty ? self.message : "\(self.path): \(self.message)" }

    public var status: ChronoError { .invalidArgument(self.description) }
}
