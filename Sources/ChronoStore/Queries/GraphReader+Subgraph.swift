internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// The subgraph around seeds. See `GraphStore.subgraph(_:deadline:)`.
    func subgraph(_ query: SubgraphQuery) throws -> Subgraph {
        let seeds = try self.resolveAll(query.ids, as: EntityRole.seed).map(\.id)
        var members = Set(seeds)
        var truncated: Truncated?
        var frontier = UTF8Order.sorted(members)
        if members.count > query.limit {
            throw GraphError.tooManySeeds(count: members.count, limit: query.limit)
        }
        level: for _ in 0..<query.depth {
            let step = try self.adjacency(frontier, filter: EdgeFilter())
            let adjacency = step.byNode
            var next: [String] = []
            for near in frontier {
                for adjacent in adjacency[near] ?? [] where !members.contains(adjacent.other) {
                    guard members.count < query.limit else {
                        truncated = Truncated(budget: .nodes, limit: query.limit, at: near)
                        break level
                    }
                    members.insert(adjacent.other)
                    next.append(adjacent.other)
                }
            }
            if step.capped {
                truncated = Truncated(budget: .limit, limit: self.adjacencyRowLimit, at: frontier.first ?? "")
                break
            }
            frontier = next
        }
        let edgeIDs = try self.rows.relationIDs(among: Array(members))
        try self.context.check()
        return Subgraph(
            nodes: try self.rows.entities(UTF8Order.sorted(members)),
            edges: try self.encodedEdges(edgeIDs),
            truncated: truncated,
            revision: try self.revision()
        )
    }
}
