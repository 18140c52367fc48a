/// An entity with everything the graph says about it (the wire `Entity`): the stored `EntityRecord`, which
/// encodes flat as its reference fields (`id`, `kind`, `family`, `name`) and its own, dates expanded.
public typealias Entity = EntityRecord

extension EntityRecord: Encodable {
    /// The entity's reference fields.
    public var ref: EntityRef { EntityRef(id: self.id, kind: self.kind, name: self.name) }

    private enum CodingKeys: String, CodingKey { case aliases, summary, attributes, number, dates, citations }

    /// Encodes the `EntityRef` fields and the entity's own, flat.
    public func encode(to encoder: any Encoder) throws {
        try self.ref.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.aliases, forKey: .aliases)
        try container.encode(self.summary, forKey: .summary)
        try container.encode(self.attributes, forKey: .attributes)
        try container.encodeIfPresent(self.number, forKey: .number)
        try container.encode(self.dates, forKey: .dates)
        try container.encode(self.citations, forKey: .citations)
    }
}
