public import ChronoGraph

/// A name or alias that matches more than one entity.
///
/// The server answers it with `INVALID_ARGUMENT` naming the parameter of `role`, and sends `candidates` as
/// `details.candidates`.
public struct AmbiguousEntityError: Error, Sendable, Hashable {
    /// What the name stood for in the query.
    public var role: EntityRole
    /// The name as given.
    public var name: String
    /// Every entity it matches, by id.
    public var candidates: [EntityRef]

    /// Creates the error.
    public init(role: EntityRole, name: String, candidates: [EntityRef]) {
        self.role = role
        self.name = name
        self.candidates = candidates
    }

}
