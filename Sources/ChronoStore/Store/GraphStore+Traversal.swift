public import ChronoGraph

extension GraphStore {
    /// The entities within `depth` hops of a root, with the relations followed (`chrono.v1.Graph/Neighbors`).
    ///
    /// Breadth-first, level by level, over indexed adjacency reads. When more than `limit` entities would be
    /// reached, the answer holds those found so far and `truncated` names the entity being expanded.
    public func neighbors(
        _ query: NeighborsQuery,
        deadline: ContinuousClock.Instant? = nil
    ) async throws -> Neighborhood {
        try await self.reading(deadline: deadline) { reader in try reader.neighbors(query) }
    }

    /// Up to `k` shortest simple paths between two entities, relations followed both ways
    /// (`chrono.v1.Graph/Paths`): bidirectional BFS for the shortest, Yen's algorithm for the next ones.
    ///
    /// Shortest first, ties broken by edge ids. When the node budget runs out, the paths found so far are
    /// returned with `truncated`.
    public func paths(_ query: PathsQuery, deadline: ContinuousClock.Instant? = nil) async throws -> PathsResult {
        try await self.reading(deadline: deadline) { reader in try reader.paths(query) }
    }

    /// Full entities within `depth` hops of the seeds and every relation among them (`chrono.v1.Graph/Subgraph`).
    public func subgraph(_ query: SubgraphQuery, deadline: ContinuousClock.Instant? = nil) async throws -> Subgraph {
        try await self.reading(deadline: deadline) { reader in try reader.subgraph(query) }
    }
}
