internal import ChronoGraph
internal import ChronoProtocol

extension SQLiteRows {
    func adjacency(_ ids: [String], filter: EdgeFilter, cap limit: Int) throws -> Adjacency {
        var result = Adjacency()
        // Distinct and in UTF-8 order, the order `AdjacencySQL.make` reads them in.
        let list = Set(ids).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var values: [String: SQLiteValue] = ["ids": .jsonArray(list)]
        if !filter.types.isEmpty { values["types"] = .jsonArray(filter.types) }
        if let window = filter.window {
            values["lo"] = .integer(window.lower)
            values["hi"] = .integer(window.upper)
        }
        var rows = 0
        for forward in [true, false] where filter.direction == .both || (filter.direction == .out) == forward {
            let sql = AdjacencySQL.statement(
                forward: forward,
                typed: !filter.types.isEmpty,
                dated: filter.window != nil
            )
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
            let sql = filter.window == nil ? AdjacencySQL.throughEventsUndated : AdjacencySQL.throughEventsDated
            try self.connection.cached(sql).run(named: values) {
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
        return result
    }
}

/// The SQL of one-hop expansions, assembled only from constant fragments, once.
enum AdjacencySQL {
    /// `make`'s statements for every combination, so a call does not assemble its SQL again.
    private static let made = [false, true].flatMap { forward in
        [false, true].flatMap { typed in
            [false, true].map { dated in make(forward: forward, typed: typed, dated: dated) }
        }
    }
    static let throughEventsUndated = throughEvents(dated: false)
    static let throughEventsDated = throughEvents(dated: true)

    /// `make(forward:typed:dated:)`, built once.
    static func statement(forward: Bool, typed: Bool, dated: Bool) -> String {
        self.made[(forward ? 4 : 0) + (typed ? 2 : 0) + (dated ? 1 : 0)]
    }

    /// Reads `(near, other, edge)` for relations leaving (`forward`) or entering the entities in `:ids`, which
    /// must be distinct and in UTF-8 order: the rows then come in the order of the index (near, then edge),
    /// so the relations `LIMIT :cap` keeps are the same whatever order the frontier found its nodes in.
    static func make(forward: Bool, typed: Bool, dated: Bool) -> String {
        let (near, far) = forward ? ("from_id", "to_id") : ("to_id", "from_id")
        var sql = """
            SELECT r.\(near), r.\(far), r.id FROM json_each(:ids) AS list CROSS JOIN relations r
            ON r.\(near) = list.value
            """
        if typed { sql += " AND r.type IN (SELECT value FROM json_each(:types))" }
        if dated { sql += " AND (r.fuzzy_lower IS NULL OR (r.fuzzy_lower <= :hi AND r.fuzzy_upper >= :lo))" }
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
