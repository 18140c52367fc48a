package import ChronoGraph
internal import ChronoProtocol

/// One relation seen from one of its ends.
package struct Adjacent: Hashable {
    /// The relation's id.
    package var edge: String
    /// The entity at the other end.
    package var other: String
    /// `true` when the relation points from the near end to `other`.
    package var forward: Bool

    package init(edge: String, other: String, forward: Bool) {
        self.edge = edge
        self.other = other
        self.forward = forward
    }

    /// Marks an `edge` that is an event both ends took part in: `event:` followed by the event's id.
    package static let eventPrefix = "event:"

    /// The event's id, when this is a hop through an event.
    package var event: String? {
        self.edge.hasPrefix(Self.eventPrefix) ? String(self.edge.dropFirst(Self.eventPrefix.count)) : nil
    }
}

/// Which relations a traversal may follow.
package struct EdgeFilter {
    /// Relation types (all when empty).
    package var types: [String] = []
    /// Which way relations are followed.
    package var direction: TraversalDirection = .both
    /// A date window in day ordinals; undated relations always pass.
    package var window: DayWindow?
    /// Whether events connect their participants (see `Adjacent.eventPrefix`).
    package var throughEvents = false
}

/// How much of each node's relations one read takes: the first `size` in (other, edge) order, after `after`
/// when given. A hub's relations are then read a page at a time, as far as a search needs them.
package struct AdjacencyPage {
    /// The most relations kept at each node.
    package var size: Int
    /// Only relations ordered after this one, by (other, edge), are read.
    package var after: Adjacent?

    package init(size: Int, after: Adjacent? = nil) {
        precondition(size > 0, "a page holds at least one relation")
        self.size = size
        self.after = after
    }
}

/// The relations read by one expansion step.
package struct Adjacency {
    /// The relations at each near end, sorted by (other, edge).
    package var byNode: [String: [Adjacent]] = [:]
    /// Set when more than the step's cap of relations matched and the rest were not read.
    package var capped = false
    /// The nodes whose relations go on past the page read (only when reading a page).
    package var more: Set<String> = []

    package init() {}
}

extension GraphReader {
    /// The most relations one expansion step reads, so a hub cannot make a traversal hold unbounded memory.
    static let maximumAdjacencyRows = 100_000

    /// The relations at each of `ids` that pass `filter`, at most `cap` (default `adjacencyRowLimit`) of them,
    /// each node's sorted by (other, edge); with `page`, only each node's first `page.size` after `page.after`,
    /// the nodes that have more in `more`.
    ///
    /// The backend gives each of a node's sources (relations out, relations in, shared events) as far as its
    /// first `page.size + 1` rows; merged and cut here, the first `page.size` are exact and a row past them
    /// tells that there is more.
    func adjacency(
        _ ids: some Collection<String>,
        filter: EdgeFilter,
        cap: Int? = nil,
        page: AdjacencyPage? = nil
    ) throws -> Adjacency {
        guard !ids.isEmpty else { return Adjacency() }
        let cap = cap ?? self.adjacencyRowLimit
        var result =
            try self.keptAdjacency(ids, filter: filter, cap: cap, page: page)
            ?? self.rows.adjacency(Array(ids), filter: filter, cap: cap, page: page)
        try self.context.check()
        // Each list sorted and cut in place (iterating over a copy of `byNode` would copy it on the first write).
        var index = result.byNode.startIndex
        while index != result.byNode.endIndex {
            result.byNode.values[index].sort { ($0.other, $0.edge) < ($1.other, $1.edge) }
            if let page, result.byNode.values[index].count > page.size {
                result.byNode.values[index].removeSubrange(page.size...)
                result.more.insert(result.byNode.keys[index])
            }
            result.byNode.formIndex(after: &index)
        }
        return result
    }

    /// The step from the relations the store keeps (`NodeRelations`), read whole for the nodes it does not
    /// keep yet; `nil` (read the store) when it keeps none (a budget of 0), the filter has a date window or
    /// follows shared events, a node is a hub, a node is not kept and the cache is full (it would be read
    /// whole, up to `hubDegree` relations one way, on every step that met it, where the store reads a page), or
    /// the step is capped: which rows a cap keeps is the backend's to say (SQLite's index order, PostgreSQL's
    /// node order), while an uncapped step's rows are the same from any backend.
    private func keptAdjacency(
        _ ids: some Collection<String>,
        filter: EdgeFilter,
        cap: Int,
        page: AdjacencyPage?
    ) throws -> Adjacency? {
        guard let caches, caches.records.relations.budget > 0, filter.window == nil, !filter.throughEvents else {
            return nil
        }
        let list = UTF8Order.distinct(ids)
        let relations = caches.records.relations
        let kept = try relations.values(list, at: caches.revision) { missing in
            relations.isFull ? [:] : try caches.rows.nodeRelations(missing, bound: caches.records.hubDegree)
        }
        var nodes: [NodeRelations] = []
        nodes.reserveCapacity(kept.count)
        for node in kept {
            guard let node, node.whole else { return nil }
            nodes.append(node)
        }
        let step = Adjacency(kept: nodes, filter: filter, cap: cap, page: page)
        return step.capped ? nil : step
    }
}
