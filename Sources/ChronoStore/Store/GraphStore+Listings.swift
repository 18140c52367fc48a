public import ChronoGraph

extension GraphStore {
    /// Disputes, by id, about a subject (entity id/name/alias or event id) and/or containing a text
    /// in their topic or claims (`chrono.v1.Disputes/List`).
    public func disputes(_ query: DisputesQuery, deadline: ContinuousClock.Instant? = nil) async throws -> DisputeList {
        try await self.reading(deadline: deadline) { reader in try reader.disputes(query) }
    }

    /// Figures, by id, about a subject, containing a text in measure or unit, and/or dated in a window
    /// (fuzzy bounds; undated figures are left out when a window is given) (`chrono.v1.Figures/List`).
    public func figures(_ query: FiguresQuery, deadline: ContinuousClock.Instant? = nil) async throws -> FigureList {
        try await self.reading(deadline: deadline) { reader in try reader.figures(query) }
    }

    /// Counts by record kind, entity kind and document, with the revision and schema version
    /// (`chrono.v1.Stats/Get`).
    public func stats(deadline: ContinuousClock.Instant? = nil) async throws -> Stats {
        try await self.reading(deadline: deadline) { reader in try reader.stats() }
    }
}
