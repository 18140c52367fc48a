internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// Shortest paths between two entities. See `GraphStore.paths(_:deadline:)`.
    func paths(_ query: PathsQuery) throws -> PathsResult {
        try query.validate()
        try self.requireTerms(query.relations, section: "relation_types", field: "params.relations")
        let source = try self.resolve(query.from, field: "params.from")
        let target = try self.resolve(query.to, field: "params.to")
        var finder = PathFinder(reader: self, filter: EdgeFilter(types: query.relations), budget: query.nodeBudget)
        let raw = try finder.paths(from: source.id, to: target.id, k: query.k, maxLength: query.maxDepth)
        let refs = try self.refs(Set(raw.flatMap(\.nodes)))
        let edges = Dictionary(
            uniqueKeysWithValues: try self.edges(Array(Set(raw.flatMap { $0.hops.map(\.edge) }))).map { ($0.id, $0) }
        )
        let paths = raw.compactMap { path -> GraphPath? in
            let nodes = path.nodes.compactMap { refs[$0] }
            let hops = path.hops.compactMap { hop in edges[hop.edge].map { PathHop(edge: $0, forward: hop.forward) } }
            guard nodes.count == path.nodes.count, hops.count == path.hops.count else { return nil }
            return GraphPath(nodes: nodes, hops: hops)
        }
        return PathsResult(paths: paths, truncated: finder.truncated, revision: try self.revision())
    }
}
