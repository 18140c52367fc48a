public import ChronoGraph
public import ChronoProtocol

/// A name or alias that matches more than one entity.
///
/// Answered with `INVALID_ARGUMENT`; the server sends `candidates` as `details.candidates`.
public struct AmbiguousEntityError: Error, Sendable, Hashable, StatusConvertible {
    /// The parameter that held the name (`params.id`).
    public var field: String
    /// The name as given.
    public var name: String
    /// Every entity it matches, by id.
    public var candidates: [EntityRef]

    /// Creates the error.
    public init(field: String, name: String, candidates: [EntityRef]) {
        self.field = field
        self.name = name
        self.candidates = candidates
    }

    public var status: ChronoError {
        let ids = self.candidates.map(\.id).joined(separator: ", ")
        return .invalidArgument(
            "\(self.field): \"\(self.name)\" matches \(self.candidates.count) entities (\(ids)); use an id"
        )
    }
}
