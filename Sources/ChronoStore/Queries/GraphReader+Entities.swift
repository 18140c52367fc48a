internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// The entity `text` resolves to, with its relations, neighbours, events and figures.
    func entityDetail(_ text: String) throws -> EntityDetail {
        let ref = try self.resolve(text, as: .asked)
        guard let entity = try self.rows.entities([ref.id]).first else {
            throw GraphError.entityNotFound(id: ref.id)
        }
        let edges = try self.rows.edges(try self.rows.relationIDs(touching: ref.id))
        let others = Set(edges.flatMap { [$0.from, $0.to] }).subtracting([ref.id])
        let neighbors = try self.refs(others).values.sorted { $0.id < $1.id }
        let eventKeys = try self.rows.eventKeys(withParticipant: ref.id)
        let figureIDs = try self.rows.figureIDs(subject: ref.id, window: nil)
        try self.context.check()
        return EntityDetail(
            entity: entity,
            relations: edges,
            neighbors: neighbors,
            events: try self.rows.events(keys: eventKeys),
            figures: try self.rows.figures(figureIDs),
            revision: try self.revision()
        )
    }
}
