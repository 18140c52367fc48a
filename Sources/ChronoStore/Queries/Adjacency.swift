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

/// The relations read by one expansion step.
package struct Adjacency {
    /// The relations at each near end, sorted by (other, edge).
    package var byNode: [String: [Adjacent]] = [:]
    /// Set when more than the step's cap of relations matched and the rest were not read.
    package var capped = false

    package init() {}
}

extension GraphReader {
    /// The most relations one expansion step reads, so a hub cannot make a traversal hold unbounded memory.
    static let maximumAdjacencyRows = 100_000

    /// The relations at each of `ids` that pass `filter`, at most `cap` (default `adjacencyRowLimit`) of them,
    /// each node's sorted by (other, edge).
    func adjacency(_ ids: some Collection<String>, filter: EdgeFilter, cap: Int? = nil) throws -> Adjacency {
        guard !ids.isEmpty else { return Adjacency() }
        var result = try self.rows.adjacency(Array(ids), filter: filter, cap: cap ?? self.adjacencyRowLimit)
        try self.context.check()
        result.byNode = result.byNode.mapValues { $0.sorted { ($0.other, $0.edge) < ($1.other, $1.edge) } }
        return result
    }
}
