internal import ChronoGraph

/// One entity's relations out and in, kept between calls (`StoreCaches.relations`) so that a step of a
/// traversal reads nothing from the store: at 10^6 events a 1-hop call spent most of its time in the two index
/// seeks for a node's relations out and in.
///
/// Invariant: `out` and `into` hold every relation from and to `id`, each list sorted by (other end, relation
/// id) in UTF-8 byte order, the order of the indexes `SQLiteRows.adjacency` reads (`relations_from`,
/// `relations_to`); or, for a node with more than the store's bound of relations one way (a hub), `whole` is
/// false and both are empty: its steps read the store a page at a time, as before.
package struct NodeRelations: CachedRecord {
    /// A relation seen from `id`.
    package struct Link {
        /// The entity at the other end.
        var other: String
        /// The relation's id.
        var edge: String
        /// The relation's type.
        var type: String

        package init(other: String, edge: String, type: String) {
            self.other = other
            self.edge = edge
            self.type = type
        }
    }

    let id: String
    var out: [Link] = []
    var into: [Link] = []
    /// Whether `out` and `into` hold every relation; false for a hub.
    var whole = true

    init(id: String) {
        self.id = id
    }

    /// `id`'s relations from `out` and `into`, or a hub's marker when either has more than `bound`.
    package init(id: String, out: [Link], into: [Link], bound: Int) {
        self.id = id
        if out.count > bound || into.count > bound {
            self.whole = false
        } else {
            self.out = out
            self.into = into
        }
    }

    /// A link's three strings inline, and its id's and other end's bytes (at most one heap copy each: ids of
    /// up to 15 bytes are kept inline).
    var cachedBytes: Int {
        var bytes = 2 * self.id.utf8.count + 128
        for link in self.out { bytes += 64 + link.edge.utf8.count }
        for link in self.into { bytes += 64 + link.edge.utf8.count }
        return bytes
    }

    /// Sorts `links` by (other end, relation id) in UTF-8 byte order.
    static func sort(_ links: inout [Link]) {
        links.sort { a, b in Self.precedes((a.other, a.edge), (b.other, b.edge)) }
    }

    /// Whether `a` comes before `b` by first and then second string, in UTF-8 byte order (SQLite's `BINARY`).
    static func precedes(_ a: (String, String), _ b: (String, String)) -> Bool {
        if a.0.utf8.elementsEqual(b.0.utf8) { return a.1.utf8.lexicographicallyPrecedes(b.1.utf8) }
        return a.0.utf8.lexicographicallyPrecedes(b.0.utf8)
    }
}

/// Where a store reads the relations of nodes it does not keep (`NodeRelations`).
package protocol NodeRelationRows {
    /// The relations of each of `ids`, by id, one entry for every id (empty for one without relations, a hub's
    /// marker for one with more than `bound` one way), each list in (other end, relation id) UTF-8 order.
    func nodeRelations(_ ids: [String], bound: Int) throws -> [String: NodeRelations]
}

extension Adjacency {
    /// The step `SQLiteRows.adjacency` reads for a filter without a date window or shared events, from the
    /// relations of `nodes` kept whole: the same rows in the same order, cut and capped alike. `nodes` must be
    /// distinct and in UTF-8 order, as that reads them.
    ///
    /// Rows come direction by direction (out, then in), node by node, each node's in (other, edge) order after
    /// `page.after`; of a node and direction at most `page.size + 1`; counted across both directions, the row
    /// past `cap` sets `capped` and ends the step.
    init(kept nodes: [NodeRelations], filter: EdgeFilter, cap limit: Int, page: AdjacencyPage?) {
        precondition(filter.window == nil && !filter.throughEvents, "kept relations hold no dates or events")
        self.init()
        let perNode = page.map { $0.size + 1 } ?? Int.max
        let types = Set(filter.types)
        self.byNode.reserveCapacity(nodes.count)
        var rows = 0
        for forward in [true, false] where filter.direction == .both || (filter.direction == .out) == forward {
            for node in nodes {
                let links = forward ? node.out : node.into
                var start = links.startIndex
                if let after = page?.after {
                    // The first link after (after.other, after.edge), by binary search.
                    var end = links.endIndex
                    while start < end {
                        let middle = (start + end) / 2
                        if Self.isAfter(links[middle], after) { end = middle } else { start = middle + 1 }
                    }
                }
                var taken: [Adjacent] = []
                taken.reserveCapacity(min(links.endIndex - start, perNode))
                for link in links[start...] where types.isEmpty || types.contains(link.type) {
                    guard taken.count < perNode else { break }
                    rows += 1
                    guard rows <= limit else {
                        self.capped = true
                        break
                    }
                    taken.append(Adjacent(edge: link.edge, other: link.other, forward: forward))
                }
                if !taken.isEmpty { self.byNode[node.id, default: []].append(contentsOf: taken) }
                if self.capped { return }
            }
        }
    }

    /// Whether `link` comes after `adjacent` in (other, edge) order.
    private static func isAfter(_ link: NodeRelations.Link, _ adjacent: Adjacent) -> Bool {
        NodeRelations.precedes((adjacent.other, adjacent.edge), (link.other, link.edge))
    }
}
