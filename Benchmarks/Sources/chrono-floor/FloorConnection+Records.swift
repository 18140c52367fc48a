extension FloorConnection {
    /// The reference of entity `id`, or `nil`.
    func ref(_ id: String) throws(FloorError) -> FloorRef? {
        var ref: FloorRef?
        try self.statement("SELECT kind, name FROM entities WHERE id = ?").run([.text(id)]) { row in
            ref = FloorRef(id: id, kind: row.text(0), name: row.text(1))
        }
        return ref
    }

    /// The citations of one record, in stored order.
    func citations(kind: String, owner: String) throws(FloorError) -> [FloorCitation] {
        var citations: [FloorCitation] = []
        try self.statement(
            "SELECT doc, first, last, ref FROM citations WHERE owner_kind = ? AND owner = ? ORDER BY position"
        ).run([.text(kind), .text(owner)]) { row in
            citations.append(
                FloorCitation(doc: row.text(0), first: row.int64(1), last: row.int64(2), ref: row.optionalText(3))
            )
        }
        return citations
    }

    /// Full events with `rowids`, in that order.
    func events(_ rowids: [Int64]) throws(FloorError) -> [FloorEvent] {
        var events: [FloorEvent] = []
        events.reserveCapacity(rowids.count)
        let row = try self.statement(
            "SELECT id, type, title, summary, date_edtf, date_text FROM events WHERE rowid = ?"
        )
        let participants = try self.statement(
            """
            SELECT p.entity, p.role, e.kind, e.name FROM participants p JOIN entities e ON e.id = p.entity
            WHERE p.event = ? ORDER BY p.position
            """
        )
        for rowid in rowids {
            var event: FloorEvent?
            try row.run([.integer(rowid)]) { row in
                event = FloorEvent(
                    id: row.text(0),
                    type: row.text(1),
                    title: row.text(2),
                    summary: row.text(3),
                    date: row.text(4),
                    dateText: row.optionalText(5),
                    participants: [],
                    citations: []
                )
            }
            guard var event else { continue }
            try participants.run([.integer(rowid)]) { row in
                event.participants.append(
                    (FloorRef(id: row.text(0), kind: row.text(2), name: row.text(3)), row.text(1))
                )
            }
            event.citations = try self.citations(kind: "event", owner: event.id)
            events.append(event)
        }
        return events
    }

    /// Full relations with `ids`, in that order.
    func edges(_ ids: [String]) throws(FloorError) -> [FloorEdge] {
        let statement = try self.statement(
            "SELECT type, from_id, to_id, date_edtf, date_text, summary FROM relations WHERE id = ?"
        )
        var edges: [FloorEdge] = []
        for id in ids {
            var edge: FloorEdge?
            try statement.run([.text(id)]) { row in
                edge = FloorEdge(
                    id: id,
                    type: row.text(0),
                    from: row.text(1),
                    to: row.text(2),
                    date: row.optionalText(3),
                    dateText: row.optionalText(4),
                    summary: row.optionalText(5),
                    citations: []
                )
            }
            guard var edge else { continue }
            edge.citations = try self.citations(kind: "relation", owner: id)
            edges.append(edge)
        }
        return edges
    }
}
