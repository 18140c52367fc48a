public import ChronoGraph

extension GraphStore {
    /// The entity an id, name or alias names, with its relations (both directions), neighbours, events
    /// (timeline order) and figures (`chrono.v1.Entity/Get`).
    ///
    /// - Throws: `UnknownEntityError` when nothing matches; `AmbiguousEntityError` when a name matches several.
    public func entity(_ id: String, deadline: ContinuousClock.Instant? = nil) async throws -> EntityDetail {
        try await self.reading(deadline: deadline) { reader in try reader.entityDetail(id) }
    }

    /// Resolves an id, name or alias to one entity.
    ///
    /// - Throws: `UnknownEntityError` when nothing matches; `AmbiguousEntityError` when several do; both in
    ///   `role`.
    public func resolve(
        _ text: String,
        as role: EntityRole = .asked,
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> EntityRef {
        try await self.reading(deadline: deadline) { reader in try reader.resolve(text, as: role) }
    }

    /// Entities ranked for a text (`chrono.v1.Entity/Search`): the ranked search of
    /// `search(_: RecordSearchQuery)` limited to entities.
    public func search(_ query: SearchQuery, deadline: ContinuousClock.Instant? = nil) async throws -> SearchResults {
        try await self.reading(deadline: deadline) { reader in try reader.search(query) }
    }

    /// Records of every kind ranked for a text (`chrono.v1.Search/Query`): an exact id, name or alias first,
    /// then records holding more of the words (stemmed, stop words dropped, the last word as a prefix, names
    /// forgiving typos and transliterations), then by BM25 weighing names over titles over summaries over
    /// claims.
    public func search(
        _ query: RecordSearchQuery,
        deadline: ContinuousClock.Instant? = nil
    ) async throws
        -> RecordSearchResults
    {
        try await self.reading(deadline: deadline) { reader in try reader.search(query) }
    }
}
