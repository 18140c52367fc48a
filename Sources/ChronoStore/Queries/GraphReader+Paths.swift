internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// Shortest paths between two entities. See `GraphStore.paths(_:deadline:)`.
    ///
    /// The `k` shortest paths over relations come first; with `throughEvents`, then the `k` shortest of those
    /// that pass through at least one event, so the evidence of shared events never hides the relations.
    func paths(_ query: PathsQuery) throws -> PathsResult {
        try self.requireTerms(query.relations, in: .relationTypes)
        let source = try self.resolve(query.from, as: .pathStart)
        let target = try self.resolve(query.to, as: .pathEnd)
        var finder = PathFinder(reader: self, filter: EdgeFilter(types: query.relations), budget: query.nodeBudget)
        var raw = try finder.paths(from: source.id, to: target.id, k: query.k, maxLength: query.maxDepth)
        var truncated = finder.truncated
        if query.throughEvents {
            let filter = EdgeFilter(types: query.relations, throughEvents: true)
            var eventFinder = PathFinder(reader: self, filter: filter, budget: query.nodeBudget)
            raw += try eventFinder.paths(from: source.id, to: target.id, k: query.k, maxLength: query.maxDepth)
                .filter { path in path.hops.contains { $0.event != nil } }
            truncated = truncated ?? eventFinder.truncated
        }
        let refs = try self.refs(Set(raw.flatMap(\.nodes)))
        let allHops = raw.flatMap(\.hops)
        let edges = Dictionary(
            uniqueKeysWithValues: try self.rows.edges(Array(Set(allHops.map(\.edge)))).map { ($0.id, $0) }
        )
        let events = Dictionary(
            uniqueKeysWithValues: try self.events(ids: Array(Set(allHops.compactMap(\.event)))).map {
                ($0.record.id, $0)
            }
        )
        let paths = raw.compactMap { path -> GraphPath? in
            let nodes = path.nodes.compactMap { refs[$0] }
            let hops = path.hops.compactMap { hop in
                if let event = hop.event { return events[event].map { PathHop(event: $0) } }
                return edges[hop.edge].map { PathHop(edge: $0, forward: hop.forward) }
            }
            guard nodes.count == path.nodes.count, hops.count == path.hops.count else { return nil }
            return GraphPath(nodes: nodes, hops: hops)
        }
        return PathsResult(paths: paths, truncated: truncated, revision: try self.revision())
    }
}
