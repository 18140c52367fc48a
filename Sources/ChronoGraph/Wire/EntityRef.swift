/// A short reference to an entity: what the wire uses wherever an entity is named.
public struct EntityRef: Sendable, Hashable {
    /// The entity's slug.
    public var id: String
    /// Its kind.
    public var kind: EntityKind
    /// Its family, derived from the kind.
    public var family: EntityFamily { self.kind.family }
    /// Its canonical name.
    public var name: String

    /// Creates a reference.
    public init(id: String, kind: EntityKind, name: String) {
        self.id = id
        self.kind = kind
        self.name = name
    }
}
