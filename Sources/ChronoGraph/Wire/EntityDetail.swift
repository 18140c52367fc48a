/// An entity with its surroundings (`chrono.v1.Entity/Get`).
public struct EntityDetail: GraphResult, Hashable {
    /// The entity.
    public var entity: Entity
    /// Its relations in both directions, by id.
    public var relations: [Edge]
    /// The entities at the other end of those relations, by id.
    public var neighbors: [EntityRef]
    /// The events it takes part in, in timeline order.
    public var events: [Event]
    /// The figures about it, by id.
    public var figures: [Figure]
    public var revision: Int64

    /// Creates an entity detail.
    public init(
        entity: Entity,
        relations: [Edge],
        neighbors: [EntityRef],
        events: [Event],
        figures: [Figure],
        revision: Int64
    ) {
        self.entity = entity
        self.relations = relations
        self.neighbors = neighbors
        self.events = events
        self.figures = figures
        self.revision = revision
    }
}
