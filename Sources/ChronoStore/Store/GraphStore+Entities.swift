public import ChronoGraph

extension GraphStore {
    /// The entity an id, name or alias names, with its relations (both directions), neighbours, events
    /// (timeline order) and figures (`chrono.v1.Entity/Get`).
    ///
    /// - Throws: `NOT_FOUND` when nothing matches; `AmbiguousEntityError` when a name matches several entities.
    public func entity(_ id: String, deadline: ContinuousClock.Instant? = nil) async throws -> EntityDetail {
        try await self.reading(deadline: deadline) { reader in try reader.entityDetail(id) }
    }

    /// Resolves an id, name or alias to one entity.
    ///
    /// - Throws: `NOT_FOUND` naming `field` when nothing matches; `AmbiguousEntityError` when several do.
    public func resolve(
        _ text: String,
        field: String = "params.id",
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> EntityRef {
        try await self.reading(deadline: deadline) { reader in try reader.resolve(text, field: field) }
    }

    /// Entities ranked for a text (`chrono.v1.Entity/Search`): exact id, name and alias matches first,
    /// then full-text matches (bm25, words as prefixes), then, when nothing matched, near spellings.
    public func search(_ query: SearchQuery, deadline: ContinuousClock.Instant? = nil) async throws -> SearchResults {
        try await self.reading(deadline: deadline) { reader in try reader.search(query) }
    }
}
