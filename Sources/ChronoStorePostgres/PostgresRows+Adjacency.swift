internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import PostgresNIO

extension PostgresRows {
    /// One statement for the whole batch: for each node in the order given (duplicates dropped), its
    /// relations leaving it, then entering it, then (with `throughEvents`) the other participants of its
    /// events, read through one `LATERAL` union and cut at `cap + 1` rows. When capped, the rows kept are the
    /// first nodes' (SQLiteRows's are whatever its index order reads first: capped steps may differ).
    package func adjacency(_ ids: [String], filter: EdgeFilter, cap limit: Int) throws -> Adjacency {
        var seen: Set<String> = []
        let nodes = ids.filter { seen.insert($0).inserted }
        var parts: [String] = []
        let typed = filter.types.isEmpty ? "" : " AND r.type = ANY($2)"
        let dated =
            filter.window == nil ? "" : " AND (r.fuzzy_lower IS NULL OR (r.fuzzy_lower <= $4 AND r.fuzzy_upper >= $3))"
        if filter.direction != .in {
            parts.append("SELECT r.to_id, r.id, 0 FROM relations r WHERE r.from_id = f.node\(typed)\(dated)")
        }
        if filter.direction != .out {
            parts.append("SELECT r.from_id, r.id, 1 FROM relations r WHERE r.to_id = f.node\(typed)\(dated)")
        }
        if filter.throughEvents {
            let eventDated = filter.window == nil ? "" : " AND e.fuzzy_lower <= $4 AND e.fuzzy_upper >= $3"
            parts.append(
                """
                SELECT DISTINCT q.entity, e.id, 2 FROM participants p
                JOIN participants q ON q.event = p.event AND q.entity <> p.entity JOIN events e ON e.rowid = p.event
                WHERE p.entity = f.node\(eventDated)
                """
            )
        }
        var result = Adjacency()
        guard !parts.isEmpty, !nodes.isEmpty else { return result }
        let sql = """
            SELECT f.node, x.other, x.edge, x.hop FROM unnest($1::text[]) WITH ORDINALITY f(node, ord)
            CROSS JOIN LATERAL (\(parts.joined(separator: " UNION ALL "))) x(other, edge, hop)
            ORDER BY f.ord, x.hop, x.other COLLATE "C", x.edge COLLATE "C" LIMIT $5
            """
        let rows = try self.rows(
            sql,
            [
                .texts(nodes), .texts(filter.types), .bigint(filter.window?.lower ?? 0),
                .bigint(filter.window?.upper ?? 0), .bigint(Int64(limit) + 1),
            ]
        )
        for (index, row) in rows.enumerated() {
            guard index < limit else {
                result.capped = true
                break
            }
            let (node, other, edge, hop) = try row.decode((String, String, String, Int).self)
            result.byNode[node, default: []].append(
                hop == 2
                    ? Adjacent(edge: Adjacent.eventPrefix + edge, other: other, forward: true)
                    : Adjacent(edge: edge, other: other, forward: hop == 0)
            )
        }
        return result
    }
}
