/// Traversals over the adjacency indexes (`relations_from`, `relations_to`), one node's relations at a time,
/// so a search stops as soon as its budget is spent instead of reading whole frontiers.
extension FloorConnection {
    /// The relations at `node` as (other end, relation id), sorted as the store sorts them.
    func adjacent(_ node: String) throws(FloorError) -> [(other: String, edge: String)] {
        var result: [(other: String, edge: String)] = []
        try self.statement("SELECT to_id, id FROM relations WHERE from_id = ?").run([.text(node)]) { row in
            result.append((row.text(0), row.text(1)))
        }
        try self.statement("SELECT from_id, id FROM relations WHERE to_id = ?").run([.text(node)]) { row in
            result.append((row.text(0), row.text(1)))
        }
        return result.sorted { ($0.other, $0.edge) < ($1.other, $1.edge) }
    }

    /// Breadth-first expansion with the daemon's node budget (`limit` entities besides the root).
    func neighbors(root: String, depth: Int, limit: Int) throws(FloorError) -> FloorAnswer {
        guard let rootRef = try self.ref(root) else { return .neighborhood(nodes: [], edges: [], truncated: false) }
        var depths: [String: Int] = [root: 0]
        var order: [String] = []
        var edges: Set<String> = []
        var frontier = [root]
        var truncated = false
        level: for level in 1...max(1, depth) {
            var next: [String] = []
            for near in frontier {
                for (other, edge) in try self.adjacent(near) {
                    if depths[other] == nil {
                        guard depths.count - 1 < limit else {
                            truncated = true
                            break level
                        }
                        depths[other] = level
                        next.append(other)
                        order.append(other)
                    }
                    edges.insert(edge)
                }
            }
            frontier = next
            if frontier.isEmpty { break }
        }
        var nodes = [rootRef]
        for id in order.sorted(by: { (depths[$0]!, $0) < (depths[$1]!, $1) }) {
            if let ref = try self.ref(id) { nodes.append(ref) }
        }
        return .neighborhood(nodes: nodes, edges: try self.edges(edges.sorted()), truncated: truncated)
    }

    /// One shortest path of at most `maxDepth` hops by bidirectional breadth-first search, expanding the
    /// smaller frontier, with the daemon's budget of 20,000 reached entities.
    func path(from source: String, to target: String, maxDepth: Int) throws(FloorError) -> FloorAnswer {
        guard let sourceRef = try self.ref(source), try self.ref(target) != nil else {
            return .path(nodes: [], edges: [])
        }
        if source == target { return .path(nodes: [sourceRef], edges: []) }
        var parents: [[String: (node: String, edge: String)]] = [[:], [:]]
        var distances: [[String: Int]] = [[source: 0], [target: 0]]
        var frontiers = [[source], [target]]
        var levels = [0, 0]
        var reached = 0
        while !frontiers[0].isEmpty, !frontiers[1].isEmpty, levels[0] + levels[1] < maxDepth {
            let side = frontiers[0].count <= frontiers[1].count ? 0 : 1
            var next: [String] = []
            for node in frontiers[side] {
                for (other, edge) in try self.adjacent(node) where distances[side][other] == nil {
                    reached += 1
                    guard reached <= 20_000 else { return .path(nodes: [], edges: []) }
                    distances[side][other] = levels[side] + 1
                    parents[side][other] = (node, edge)
                    next.append(other)
                }
            }
            levels[side] += 1
            frontiers[side] = next
            let meetings = next.compactMap { node in distances[1 - side][node].map { (node, $0) } }
            if let meeting = meetings.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
                return try self.materialize(meeting.0, parents: parents)
            }
        }
        return .path(nodes: [], edges: [])
    }

    private func materialize(
        _ meeting: String,
        parents: [[String: (node: String, edge: String)]]
    ) throws(FloorError)
        -> FloorAnswer
    {
        var nodes = [meeting]
        var edges: [String] = []
        var current = meeting
        while let parent = parents[0][current] {
            nodes.insert(parent.node, at: 0)
            edges.insert(parent.edge, at: 0)
            current = parent.node
        }
        current = meeting
        while let parent = parents[1][current] {
            nodes.append(parent.node)
            edges.append(parent.edge)
            current = parent.node
        }
        var refs: [FloorRef] = []
        for id in nodes { if let ref = try self.ref(id) { refs.append(ref) } }
        return .path(nodes: refs, edges: try self.edges(edges))
    }
}
