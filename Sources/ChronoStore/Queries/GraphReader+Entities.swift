internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// The entity `text` resolves to, with its relations, neighbours, events and figures.
    func entityDetail(_ text: String) throws -> EntityDetail {
        let ref = try self.resolve(text, as: .asked)
        guard let entity = try self.entities([ref.id]).first else {
            throw GraphError.entityNotFound(id: ref.id)
        }
        let relationIDs = try self.connection.cached(
            "SELECT id FROM relations WHERE from_id = ?1 UNION SELECT id FROM relations WHERE to_id = ?1 ORDER BY id"
        ).map([.text(ref.id)]) { $0.text(0) }
        let edges = try self.edges(relationIDs)
        let others = Set(edges.flatMap { [$0.from, $0.to] }).subtracting([ref.id])
        let neighbors = try self.refs(others).values.sorted { $0.id < $1.id }
        let eventRowids = try self.connection.cached(
            """
            SELECT e.rowid FROM events e WHERE e.rowid IN (SELECT event FROM participants WHERE entity = ?)
            ORDER BY e.lower, e.precision, e.id
            """
        ).map([.text(ref.id)]) { $0.int64(0) }
        let figureIDs = try self.connection.cached("SELECT id FROM figures WHERE subject = ? ORDER BY id")
            .map([.text(ref.id)]) { $0.text(0) }
        try self.context.check()
        return EntityDetail(
            entity: entity,
            relations: edges,
            neighbors: neighbors,
            events: try self.events(rowids: eventRowids),
            figures: try self.figures(figureIDs),
            revision: try self.revision()
        )
    }
}
