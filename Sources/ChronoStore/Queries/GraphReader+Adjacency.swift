internal import ChronoGraph
internal import ChronoProtocol

/// One relation seen from one of its ends.
struct Adjacent: Hashable {
    /// The relation's id.
    var edge: String
    /// The entity at the other end.
    var other: String
    /// `true` when the relation points from the near end to `other`.
    var forward: Bool

    /// Marks an `edge` that is an event both ends took part in: `event:` followed by the event's id.
    static let eventPrefix = "event:"

    /// The event's id, when this is a hop through an event.
    var event: String? {
        self.edge.hasPrefix(Self.eventPrefix) ? String(self.edge.dropFirst(Self.eventPrefix.count)) : nil
    }
}

/// Which relations a traversal may follow.
struct EdgeFilter {
    /// Relation types (all when empty).
    var types: [String] = []
    /// Which way relations are followed.
    var direction: TraversalDirection = .both
    /// A date window in day ordinals; undated relations always pass.
    var window: (lower: Int64, upper: Int64)?
    /// Whether events connect their participants (see `Adjacent.eventPrefix`).
    var throughEvents = false
}

/// The relations read by one expansion step.
struct Adjacency {
    /// The relations at each near end, sorted by (other, edge).
    var byNode: [String: [Adjacent]] = [:]
    /// Set when more than `GraphReader.adjacencyRowLimit` relations matched and the rest were not read.
    var capped = false
}

extension GraphReader {
    /// The most relations one expansion step reads, so a hub cannot make a traversal hold unbounded memory.
    static let maximumAdjacencyRows = 100_000

    /// The relations at each of `ids` that pass `filter`, at most `cap` (default `adjacencyRowLimit`) of them.
    func adjacency(_ ids: some Collection<String>, filter: EdgeFilter, cap: Int? = nil) throws -> Adjacency {
        let limit = cap ?? self.adjacencyRowLimit
        var result = Adjacency()
        guard !ids.isEmpty else { return result }
        var values: [String: SQLiteValue] = ["ids": try Self.list(ids)]
        if !filter.types.isEmpty { values["types"] = try Self.list(filter.types) }
        if let window = filter.window {
            values["lo"] = .integer(window.lower)
            values["hi"] = .integer(window.upper)
        }
        var rows = 0
        for forward in [true, false] where filter.direction == .both || (filter.direction == .out) == forward {
            let sql = AdjacencySQL.make(forward: forward, typed: !filter.types.isEmpty, dated: filter.window != nil)
            values["cap"] = .int(limit - rows + 1)
            try self.connection.cached(sql).run(named: values) { row in
                rows += 1
                guard rows <= limit else {
                    result.capped = true
                    return
                }
                result.byNode[row.text(0), default: []].append(
                    Adjacent(edge: row.text(2), other: row.text(1), forward: forward)
                )
            }
            if result.capped { break }
        }
        if filter.throughEvents, !result.capped {
            values["cap"] = .int(limit - rows + 1)
            try self.connection.cached(AdjacencySQL.throughEvents(dated: filter.window != nil)).run(named: values) {
                row in
                rows += 1
                guard rows <= limit else {
                    result.capped = true
                    return
                }
                result.byNode[row.text(0), default: []].append(
                    Adjacent(edge: Adjacent.eventPrefix + row.text(2), other: row.text(1), forward: true)
                )
            }
        }
        try self.context.check()
        result.byNode = result.byNode.mapValues { $0.sorted { ($0.other, $0.edge) < ($1.other, $1.edge) } }
        return result
    }
}

/// The SQL of one-hop expansions, assembled only from constant fragments.
enum AdjacencySQL {
    /// Reads `(near, other, edge)` for relations leaving (`forward`) or entering the entities in `:ids`.
    static func make(forward: Bool, typed: Bool, dated: Bool) -> String {
        let (near, far) = forward ? ("from_id", "to_id") : ("to_id", "from_id")
        var sql = "SELECT \(near), \(far), id FROM relations WHERE \(near) IN (SELECT value FROM json_each(:ids))"
        if typed { sql += " AND type IN (SELECT value FROM json_each(:types))" }
        if dated { sql += " AND (fuzzy_lower IS NULL OR (fuzzy_lower <= :hi AND fuzzy_upper >= :lo))" }
        return sql + " LIMIT :cap"
    }

    /// Reads `(near, other, event)` for every other participant of the events the entities in `:ids` took
    /// part in; `dated` keeps the events whose date meets the window `:lo...:hi`.
    static func throughEvents(dated: Bool) -> String {
        var sql = """
            SELECT DISTINCT p.entity, q.entity, e.id FROM participants p
            JOIN participants q ON q.event = p.event AND q.entity <> p.entity JOIN events e ON e.rowid = p.event
            WHERE p.entity IN (SELECT value FROM json_each(:ids))
            """
        if dated { sql += " AND e.fuzzy_lower <= :hi AND e.fuzzy_upper >= :lo" }
        return sql + " LIMIT :cap"
    }
}
