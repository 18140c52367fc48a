public import ChronoGraph
public import ChronoProtocol

/// A name that matches no entity.
///
/// Answered with `NOT_FOUND`; the server sends `suggestions` (the nearest names) as `details.suggestions`.
public struct UnknownEntityError: Error, Sendable, Hashable, StatusConvertible {
    /// The parameter that held the name (`params.id`).
    public var field: String
    /// The name as given.
    public var name: String
    /// The entities whose names come nearest, best first; may be empty.
    public var suggestions: [EntityRef]

    /// Creates the error.
    public init(field: String, name: String, suggestions: [EntityRef]) {
        self.field = field
        self.name = name
        self.suggestions = suggestions
    }

    public var status: ChronoError {
        let nearest = self.suggestions.prefix(3).map { "\"\($0.name)\" (\($0.id))" }.joined(separator: ", ")
        return .notFound(
            "\(self.field): no entity with id, name or alias \"\(self.name)\""
                + (nearest.isEmpty ? "" : "; did you mean \(nearest)?")
        )
    }
}
