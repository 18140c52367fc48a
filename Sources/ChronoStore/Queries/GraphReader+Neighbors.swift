internal import ChronoGraph
internal import ChronoProtocol

extension GraphReader {
    /// The frontier nodes of the first batch a level reads; later batches double, up to `largestBatch`.
    static let firstBatch = 4
    static let largestBatch = 256
    /// References read beyond the node budget's room at a time, for the entities a `kinds` filter turns away.
    static let referenceReadAhead = 32

    /// Breadth-first expansion from a root. See `GraphStore.neighbors(_:deadline:)`.
    func neighbors(_ query: NeighborsQuery) throws -> Neighborhood {
        try self.requireTerms(query.relations, in: .relationTypes)
        let root = try self.resolve(query.id, as: .asked)
        let filter = EdgeFilter(
            types: query.relations,
            direction: query.direction,
            window: Self.window(query.from, query.to),
            throughEvents: query.throughEvents
        )
        let kinds = Set(query.kinds)
        var depths: [String: Int] = [root.id: 0]
        var refs: [String: EntityRef?] = [root.id: root]
        var edges: Set<String> = []
        var events: Set<String> = []
        var frontier = [root.id]
        var truncated: Truncated?
        // A level's relations are read for a batch of its nodes at a time (one statement), the batches doubling
        // from `firstBatch`: a search that spends its node budget early reads little past it. At most
        // `adjacencyRowLimit` relations are read per level. The references of the entities a batch reaches are
        // read in the order the loop meets them, only as many at a time as could still join (`referenceReads`):
        // a hub's thousands of neighbours cost no more reads than the budget has room for.
        level: for depth in 1...query.depth {
            var next: [String] = []
            var rows = 0
            var start = 0
            var batchSize = Self.firstBatch
            while start < frontier.count {
                let batch = frontier[start..<min(start + batchSize, frontier.count)]
                start = batch.endIndex
                batchSize = min(batchSize * 2, Self.largestBatch)
                let step = try self.adjacency(batch, filter: filter, cap: self.adjacencyRowLimit - rows)
                // Entities without a known reference, in the order the loop below meets them: each is met
                // first with every one before it already read, so the next read starts with it.
                var unread: [String] = []
                var listed: Set<String> = []
                for near in batch {
                    for adjacent in step.byNode[near] ?? [] where refs[adjacent.other] == nil {
                        if listed.insert(adjacent.other).inserted { unread.append(adjacent.other) }
                    }
                }
                var read = 0
                for near in batch {
                    let adjacent = step.byNode[near] ?? []
                    rows += adjacent.count
                    for adjacent in adjacent {
                        if depths[adjacent.other] == nil {
                            if refs[adjacent.other] == nil {
                                assert(read < unread.count && unread[read] == adjacent.other)
                                let room = query.limit - (depths.count - 1) + Self.referenceReadAhead
                                let next = unread[read..<min(read + room, unread.count)]
                                let found = try self.rows.refs(Array(next))
                                for id in next { refs[id] = .some(found[id]) }
                                read = next.endIndex
                            }
                            guard let ref = refs[adjacent.other] ?? nil, kinds.isEmpty || kinds.contains(ref.kind)
                            else { continue }
                            guard depths.count - 1 < query.limit else {
                                truncated = Truncated(budget: .nodes, limit: query.limit, at: near)
                                break level
                            }
                            depths[ref.id] = depth
                            next.append(ref.id)
                        }
                        if let event = adjacent.event { events.insert(event) } else { edges.insert(adjacent.edge) }
                    }
                }
                if step.capped {
                    truncated = Truncated(budget: .limit, limit: self.adjacencyRowLimit, at: "depth \(depth)")
                    break level
                }
            }
            try self.context.check()
            frontier = next
            if frontier.isEmpty { break }
        }
        let nodes = depths.filter { $0.value > 0 }.compactMap { id, depth in
            (refs[id] ?? nil).map { NeighborNode(entity: $0, depth: depth) }
        }
        .sorted { ($0.depth, $0.entity.id) < ($1.depth, $1.entity.id) }
        return Neighborhood(
            root: root,
            nodes: nodes,
            edges: try self.rows.edges(edges.sorted()),
            events: query.throughEvents ? try self.events(ids: events.sorted()) : nil,
            truncated: truncated,
            revision: try self.revision()
        )
    }
}
