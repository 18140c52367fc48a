public import ChronoGraph

/// A read query as a value: built once from its params (each query type reads and checks its own), run on
/// any reader (the live graph, a snapshot, a past revision) through `GraphReading.run`.
public protocol GraphQuery: Sendable {
    /// What the query answers.
    associatedtype Result: GraphResult

    /// Answers the query from `reader`'s one read snapshot.
    func answer(from reader: GraphReader) throws -> Result
}

extension TimelineQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> TimelinePage { try reader.timeline(self) }
}

extension EntityQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> EntityDetail { try reader.entityDetail(self.id) }
}

extension SearchQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> SearchResults { try reader.search(self) }
}

extension RecordSearchQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> RecordSearchResults { try reader.search(self) }
}

extension NeighborsQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> Neighborhood { try reader.neighbors(self) }
}

extension PathsQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> PathsResult { try reader.paths(self) }
}

extension SubgraphQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> Subgraph { try reader.subgraph(self) }
}

extension DisputesQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> DisputeList { try reader.disputes(self) }
}

extension FiguresQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> FigureList { try reader.figures(self) }
}

extension StatsQuery: GraphQuery {
    public func answer(from reader: GraphReader) throws -> Stats { try reader.stats() }
}
