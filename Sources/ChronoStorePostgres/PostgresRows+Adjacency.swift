internal import ChronoGraph
internal import ChronoProtocol
package import ChronoStore
internal import PostgresNIO

extension PostgresRows {
    /// One statement for the whole batch: for each node in the order given (duplicates dropped), its
    /// relations leaving it, then entering it, then (with `throughEvents`) the other participants of its
    /// events, read through one `LATERAL` union and cut at `cap + 1` rows. When capped, the rows kept are the
    /// first nodes' (SQLiteRows's are whatever its index order reads first: capped steps may differ). With
    /// `page`, each node's union keeps its first `page.size + 1` rows after `page.after` in (other, edge) byte
    /// order.
    package func adjacency(
        _ ids: [String],
        filter: EdgeFilter,
        cap limit: Int,
        page: AdjacencyPage?
    ) throws
        -> Adjacency
    {
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
                SELECT DISTINCT q.entity, '\(Adjacent.eventPrefix)' || e.id, 2 FROM participants p
                JOIN participants q ON q.event = p.event AND q.entity <> p.entity JOIN events e ON e.rowid = p.event
                WHERE p.entity = f.node\(eventDated)
                """
            )
        }
        var result = Adjacency()
        guard !parts.isEmpty, !nodes.isEmpty else { return result }
        var union = parts.joined(separator: " UNION ALL ")
        if page != nil {
            union = """
                SELECT u.other, u.edge, u.hop FROM (\(union)) u(other, edge, hop)
                WHERE $6::text IS NULL OR u.other COLLATE "C" > $6::text OR (u.other = $6::text AND u.edge COLLATE "C" > $7::text)
                ORDER BY u.other COLLATE "C", u.edge COLLATE "C" LIMIT $8::bigint
                """
        }
        let sql = """
            SELECT f.node, x.other, x.edge, x.hop FROM unnest($1::text[]) WITH ORDINALITY f(node, ord)
            CROSS JOIN LATERAL (\(union)) x(other, edge, hop)
            ORDER BY f.ord, x.hop, x.other COLLATE "C", x.edge COLLATE "C" LIMIT $5
            """
        var values: [PostgresValue] = [
            .texts(nodes), .texts(filter.types), .bigint(filter.window?.lower ?? 0),
            .bigint(filter.window?.upper ?? 0), .bigint(Int64(limit) + 1),
        ]
        if let page {
            values += [
                page.after.map { .text($0.other) } ?? .null, page.after.map { .text($0.edge) } ?? .null,
                .bigint(Int64(page.size) + 1),
            ]
        }
        let rows = try self.rows(sql, values)
        for (index, row) in rows.enumerated() {
            guard index < limit else {
                result.capped = true
                break
            }
            let (node, other, edge, hop) = try row.decode((String, String, String, Int).self)
            result.byNode[node, default: []].append(Adjacent(edge: edge, other: other, forward: hop != 1))
        }
        return result
    }
}

extension PostgresRows: NodeRelationRows {
    /// Each node's relations out and in, in (other end, relation id) byte order, read as far as `bound + 1`
    /// one way (which tells a hub), in one statement for the batch.
    package func nodeRelations(_ ids: [String], bound: Int) throws -> [String: NodeRelations] {
        let rows = try self.rows(
            """
            SELECT u.node, u.way, u.other, u.edge, u.type FROM (
                SELECT f.node, 0, x.to_id, x.id, x.type FROM unnest($1::text[]) f(node) CROSS JOIN LATERAL (
                    SELECT r.to_id, r.id, r.type FROM relations r WHERE r.from_id = f.node
                    ORDER BY r.to_id COLLATE "C", r.id COLLATE "C" LIMIT $2) x
                UNION ALL
                SELECT f.node, 1, x.from_id, x.id, x.type FROM unnest($1::text[]) f(node) CROSS JOIN LATERAL (
                    SELECT r.from_id, r.id, r.type FROM relations r WHERE r.to_id = f.node
                    ORDER BY r.from_id COLLATE "C", r.id COLLATE "C" LIMIT $2) x
            ) u(node, way, other, edge, type)
            ORDER BY u.way, u.other COLLATE "C", u.edge COLLATE "C"
            """,
            [.texts(ids), .bigint(Int64(bound) + 1)]
        )
        var links: [String: (out: [NodeRelations.Link], into: [NodeRelations.Link])] = [:]
        for row in rows {
            let (node, way, other, edge, type) = try row.decode((String, Int, String, String, String).self)
            let link = NodeRelations.Link(other: other, edge: edge, type: type)
            if way == 0 {
                links[node, default: ([], [])].out.append(link)
            } else {
                links[node, default: ([], [])].into.append(link)
            }
        }
        var found: [String: NodeRelations] = [:]
        for id in ids {
            let node = links[id] ?? ([], [])
            found[id] = NodeRelations(id: id, out: node.out, into: node.into, bound: bound)
        }
        return found
    }
}
