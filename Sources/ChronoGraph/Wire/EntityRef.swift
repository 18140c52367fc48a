/// A short reference to an entity: what the wire uses wherever an entity is named.
public struct EntityRef: Sendable, Hashable, Encodable {
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

    private enum CodingKeys: String, CodingKey { case id, kind, family, name }

    /// Encodes `{"id", "kind", "family", "name"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)
        try container.encode(self.kind, forKey: .kind)
        try container.encode(self.family, forKey: .family)
        try container.encode(self.name, forKey: .name)
    }
}
