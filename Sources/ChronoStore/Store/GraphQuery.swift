public import ChronoGraph

/// A read query as a value: built once from its params, run on any store (the live one, or one unpacked
/// from a snapshot) without going through a method table. The result carries the revision it was read at.
public protocol GraphQuery: Sendable {
    /// What the query answers.
    associatedtype Result: GraphResult

    /// Runs the query on `store`; the store interrupts it once `deadline` passes.
    func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> Result
}

extension TimelineQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> TimelinePage {
        try await store.timeline(self, deadline: deadline)
    }
}

extension EntityQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> EntityDetail {
        try await store.entity(self.id, deadline: deadline)
    }
}

extension SearchQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> SearchResults {
        try await store.search(self, deadline: deadline)
    }
}

extension RecordSearchQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> RecordSearchResults {
        try await store.search(self, deadline: deadline)
    }
}

extension NeighborsQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> Neighborhood {
        try await store.neighbors(self, deadline: deadline)
    }
}

extension PathsQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> PathsResult {
        try await store.paths(self, deadline: deadline)
    }
}

extension SubgraphQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> Subgraph {
        try await store.subgraph(self, deadline: deadline)
    }
}

extension DisputesQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> DisputeList {
        try await store.disputes(self, deadline: deadline)
    }
}

extension FiguresQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> FigureList {
        try await store.figures(self, deadline: deadline)
    }
}

extension StatsQuery: GraphQuery {
    public func run(on store: GraphStore, deadline: ContinuousClock.Instant?) async throws -> Stats {
        try await store.stats(deadline: deadline)
    }
}
