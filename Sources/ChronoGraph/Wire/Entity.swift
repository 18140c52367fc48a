/// An entity with everything the graph says about it (the wire `Entity`): the stored `EntityRecord`, which
/// is written flat as its reference fields (`id`, `kind`, `family`, `name`) and its own, dates expanded.
public typealias Entity = EntityRecord

extension EntityRecord {
    /// The entity's reference fields.
    public var ref: EntityRef { EntityRef(id: self.id, kind: self.kind, name: self.name) }
}
