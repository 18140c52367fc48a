internal import ChronoGraph
internal import ChronoProtocol

extension SQLiteRows {
    func adjacency(_ ids: [String], filter: EdgeFilter, cap limit: Int, page: AdjacencyPage?) throws -> Adjacency {
        var result = Adjacency()
        // Distinct and in UTF-8 order, the order `AdjacencySQL.make` reads them in.
        let list = UTF8Order.distinct(ids)
        var values: [String: SQLiteValue] = [:]
        if !filter.types.isEmpty { values["types"] = .jsonArray(filter.types) }
        if let window = filter.window {
            values["lo"] = .integer(window.lower)
            values["hi"] = .integer(window.upper)
        }
        if let after = page?.after {
            values["after_other"] = .text(after.other)
            values["after_edge"] = .text(after.edge)
        }
        // Of each node's rows in one direction, the first `page.size + 1` (`GraphReader.adjacency` cuts them).
        let perNode = page.map { $0.size + 1 } ?? Int.max
        var rows = 0
        for forward in [true, false] where filter.direction == .both || (filter.direction == .out) == forward {
            let statement = try self.connection.cached(
                AdjacencySQL.statement(
                    forward: forward,
                    typed: !filter.types.isEmpty,
                    dated: filter.window != nil,
                    after: page?.after != nil
                )
            )
            // The rows come node by node (in `list`'s order), each node's in (other, edge) order: once a node has
            // given `perNode`, the statement stops and starts again at the nodes after it.
            var remaining = list[...]
            while !remaining.isEmpty, !result.capped {
                values["ids"] = .jsonArray(Array(remaining))
                values["cap"] = .int(limit - rows + 1)
                var near = ""
                var taken = 0
                var full: String?
                try statement.scan(named: values) { row in
                    let node = row.text(0)
                    if node != near {
                        near = node
                        taken = 0
                    }
                    guard taken < perNode else {
                        full = node
                        return false
                    }
                    rows += 1
                    guard rows <= limit else {
                        result.capped = true
                        return false
                    }
                    taken += 1
                    result.byNode[node, default: []].append(
                        Adjacent(edge: row.text(2), other: row.text(1), forward: forward)
                    )
                    return true
                }
                guard let full, let index = remaining.firstIndex(of: full) else { break }
                remaining = remaining[(index + 1)...]
            }
            if result.capped { break }
        }
        if filter.throughEvents, !result.capped {
            values["ids"] = .jsonArray(list)
            values["cap"] = .int(limit - rows + 1)
            let sql = AdjacencySQL.throughEvents(dated: filter.window != nil, after: page?.after != nil)
            try self.connection.cached(sql).scan(named: values) { row in
                rows += 1
                guard rows <= limit else {
                    result.capped = true
                    return false
                }
                result.byNode[row.text(0), default: []].append(
                    Adjacent(edge: Adjacent.eventPrefix + row.text(2), other: row.text(1), forward: true)
                )
                return true
            }
        }
        return result
    }
}

extension SQLiteRows: NodeRelationRows {
    func nodeRelations(_ ids: [String], bound: Int) throws -> [String: NodeRelations] {
        // By the indexes, in (other, id) order; `bound + 1` rows tell a hub.
        let out = try self.connection.cached(
            "SELECT to_id, id, type FROM relations WHERE from_id = ?1 ORDER BY to_id, id LIMIT ?2"
        )
        let into = try self.connection.cached(
            "SELECT from_id, id, type FROM relations WHERE to_id = ?1 ORDER BY from_id, id LIMIT ?2"
        )
        /// The links, in an array of their exact size (one grown by appending keeps up to twice the room).
        func links(_ statement: Statement, _ id: String) throws -> [NodeRelations.Link] {
            try statement.map([.text(id), .int(bound + 1)]) { row in
                NodeRelations.Link(other: row.text(0), edge: row.text(1), type: row.text(2))
            }
            .withUnsafeBufferPointer(Array.init)
        }
        var found: [String: NodeRelations] = [:]
        found.reserveCapacity(ids.count)
        for id in ids {
            found[id] = NodeRelations(id: id, out: try links(out, id), into: try links(into, id), bound: bound)
        }
        return found
    }
}

/// The SQL of one-hop expansions, assembled only from constant fragments, once.
enum AdjacencySQL {
    /// `make`'s statements for every combination, so a call does not assemble its SQL again.
    private static let made = [false, true].flatMap { forward in
        [false, true].flatMap { typed in
            [false, true].flatMap { dated in
                [false, true].map { after in make(forward: forward, typed: typed, dated: dated, after: after) }
            }
        }
    }
    /// `makeThroughEvents`'s statements for every combination.
    private static let madeThroughEvents = [false, true].flatMap { dated in
        [false, true].map { after in makeThroughEvents(dated: dated, after: after) }
    }

    /// `make(forward:typed:dated:after:)`, built once.
    static func statement(forward: Bool, typed: Bool, dated: Bool, after: Bool) -> String {
        self.made[(forward ? 8 : 0) + (typed ? 4 : 0) + (dated ? 2 : 0) + (after ? 1 : 0)]
    }

    /// `makeThroughEvents(dated:after:)`, built once.
    static func throughEvents(dated: Bool, after: Bool) -> String {
        self.madeThroughEvents[(dated ? 2 : 0) + (after ? 1 : 0)]
    }

    /// Reads `(near, other, edge)` for relations leaving (`forward`) or entering the entities in `:ids`, which
    /// must be distinct and in UTF-8 order: the rows come in the order of the index, near by near and each
    /// near's by (other, edge) (`relations_from`, `relations_to`), so the relations `LIMIT :cap` keeps are the
    /// same whatever order the frontier found its nodes in, and a node's first relations are read first.
    /// `after` keeps those after (`:after_other`, `:after_edge`).
    static func make(forward: Bool, typed: Bool, dated: Bool, after: Bool) -> String {
        let (near, far) = forward ? ("from_id", "to_id") : ("to_id", "from_id")
        var sql = """
            SELECT r.\(near), r.\(far), r.id FROM json_each(:ids) AS list CROSS JOIN relations r
            ON r.\(near) = list.value
            """
        if after { sql += " AND (r.\(far), r.id) > (:after_other, :after_edge)" }
        if typed { sql += " AND r.type IN (SELECT value FROM json_each(:types))" }
        if dated { sql += " AND (r.fuzzy_lower IS NULL OR (r.fuzzy_lower <= :hi AND r.fuzzy_upper >= :lo))" }
        return sql + " LIMIT :cap"
    }

    /// Reads `(near, other, event)` for every other participant of the events the entities in `:ids` took
    /// part in; `dated` keeps the events whose date meets the window `:lo...:hi`, `after` those after
    /// (`:after_other`, `:after_edge`) with the edge written as `Adjacent` writes it (`event:` and the id).
    static func makeThroughEvents(dated: Bool, after: Bool) -> String {
        var sql = """
            SELECT DISTINCT p.entity, q.entity, e.id FROM participants p
            JOIN participants q ON q.event = p.event AND q.entity <> p.entity JOIN events e ON e.rowid = p.event
            WHERE p.entity IN (SELECT value FROM json_each(:ids))
            """
        if dated { sql += " AND e.fuzzy_lower <= :hi AND e.fuzzy_upper >= :lo" }
        if after { sql += " AND (q.entity, '\(Adjacent.eventPrefix)' || e.id) > (:after_other, :after_edge)" }
        return sql + " LIMIT :cap"
    }
}
