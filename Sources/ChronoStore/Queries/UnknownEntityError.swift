public import ChronoGraph

/// A name that matches no entity.
///
/// The server answers it with `NOT_FOUND` naming the parameter of `role`, and sends `suggestions` (the nearest
/// names) as `details.suggestions`.
public struct UnknownEntityError: Error, Sendable, Hashable {
    /// What the name stood for in the query.
    public var role: EntityRole
    /// The name as given.
    public var name: String
    /// The entities whose names come nearest, best first; may be empty.
    public var suggestions: [EntityRef]

    /// Creates the error.
    public init(role: EntityRole, name: String, suggestions: [EntityRef]) {
        self.role = role
        self.name = name
        self.suggestions = suggestions
    }

}
