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
        // One entry per entity met, so a hop costs one hash of its other end.
        var met: [String: Met] = [root.id: Met(ref: root, depth: 0)]
        met.reserveCapacity(query.limit + Self.referenceReadAhead + 1)
        var joined = 0
        // The relations and events crossed, some twice (from both ends): made distinct once, at the end.
        var edges: [String] = []
        var events: [String] = []
        var frontier = [root.id]
        var truncated: Truncated?
        // A level's relations are read for a batch of its nodes at a time (one statement), the batches doubling
        // from `firstBatch`: a search that spends its node budget early reads little past it. Of each node, a
        // page (`AdjacencyPage`) as large as the node budget could use is read at first, the rest a doubling
        // page at a time as the loop reaches it: a hub's thousands of relations are not read to add a few of
        // them. At most `adjacencyRowLimit` relations are read per level. The references of the entities met
        // are read in the order the loop meets them, only as many at a time as could still join
        // (`referenceReadAhead` more, for those a `kinds` filter turns away).
        let firstPage = query.limit + Self.referenceReadAhead
        level: for depth in 1...query.depth {
            var next: [String] = []
            var rows = 0
            var start = 0
            var batchSize = Self.firstBatch
            while start < frontier.count {
                let batch = frontier[start..<min(start + batchSize, frontier.count)]
                start = batch.endIndex
                batchSize = min(batchSize * 2, Self.largestBatch)
                var step = try self.adjacency(
                    batch,
                    filter: filter,
                    cap: self.adjacencyRowLimit - rows,
                    page: AdjacencyPage(size: firstPage)
                )
                rows += step.byNode.values.reduce(0) { $0 + $1.count }
                for (offset, near) in batch.enumerated() {
                    var adjacent = step.byNode[near] ?? []
                    var position = 0
                    var pageSize = firstPage
                    while true {
                        guard position < adjacent.count else {
                            guard step.more.contains(near), !step.capped, let last = adjacent.last else { break }
                            pageSize *= 2
                            let more = try self.adjacency(
                                [near],
                                filter: filter,
                                cap: self.adjacencyRowLimit - rows,
                                page: AdjacencyPage(size: pageSize, after: last)
                            )
                            adjacent = more.byNode[near] ?? []
                            rows += adjacent.count
                            step.byNode[near] = adjacent
                            step.capped = more.capped
                            if !more.more.contains(near) { step.more.remove(near) }
                            position = 0
                            continue
                        }
                        let hop = adjacent[position]
                        position += 1
                        var entry = met.index(forKey: hop.other)
                        if entry == nil {
                            let room = query.limit - joined + Self.referenceReadAhead
                            let unread = Self.meetUnread(
                                from: hop.other,
                                in: batch.dropFirst(offset),
                                of: step,
                                skipping: position - 1,
                                met: &met,
                                count: room
                            )
                            for (id, ref) in zip(unread, try self.refs(inOrder: unread)) where ref != nil {
                                met[id]?.ref = ref
                            }
                            entry = met.index(forKey: hop.other)
                        }
                        guard let entry else { continue }
                        if met.values[entry].depth == nil {
                            guard let ref = met.values[entry].ref, kinds.isEmpty || kinds.contains(ref.kind)
                            else { continue }
                            guard joined < query.limit else {
                                truncated = Truncated(budget: .nodes, limit: query.limit, at: near)
                                break level
                            }
                            met.values[entry].depth = depth
                            joined += 1
                            next.append(ref.id)
                        }
                        if let event = hop.event { events.append(event) } else { edges.append(hop.edge) }
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
        var nodes: [NeighborNode] = []
        nodes.reserveCapacity(joined)
        for entry in met.values {
            if let ref = entry.ref, let depth = entry.depth, depth > 0 {
                nodes.append(NeighborNode(entity: ref, depth: depth))
            }
        }
        nodes = UTF8Order.positions(of: nodes.map(\.entity.id), ranks: nodes.map(\.depth)).map { nodes[$0] }
        return Neighborhood(
            root: root,
            nodes: nodes,
            edges: try self.encodedEdges(UTF8Order.distinct(edges)),
            events: query.throughEvents ? try self.events(ids: UTF8Order.distinct(events)) : nil,
            truncated: truncated,
            revision: try self.revision()
        )
    }

    /// The entities not in `met` the search meets from `first` (not in it either) on, in the order it meets
    /// them: the rest of the first node's relations in `step` (after the `skipping` it has passed), then the
    /// other nodes' of `nodes`; at most `count`, `first` first. Each is entered in `met` without a reference,
    /// for the caller to fill in.
    private static func meetUnread(
        from first: String,
        in nodes: ArraySlice<String>,
        of step: Adjacency,
        skipping: Int,
        met: inout [String: Met],
        count: Int
    ) -> [String] {
        var unread = [first]
        met[first] = Met()
        for (offset, node) in nodes.enumerated() {
            for adjacent in (step.byNode[node] ?? []).dropFirst(offset == 0 ? skipping : 0) {
                guard unread.count < count else { return unread }
                if met.index(forKey: adjacent.other) == nil {
                    met[adjacent.other] = Met()
                    unread.append(adjacent.other)
                }
            }
        }
        return unread
    }
}

/// What a neighbourhood search knows of an entity it has met.
private struct Met {
    /// Its reference; `nil` when there is no such entity (a relation's end that does not resolve).
    var ref: EntityRef?
    /// The depth it joined at (the root 0); `nil` while it has not joined (its reference read ahead, or its kind
    /// turned away by the query's `kinds`).
    var depth: Int?
}
