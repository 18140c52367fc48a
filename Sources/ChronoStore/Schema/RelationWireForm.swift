internal import ChronoCompression
internal import ChronoGraph
internal import ChronoProtocol

/// Each relation's wire form, stored beside it (`relations.wire`), so a traversal splices its edges into the
/// answer (`EncodedEdge`) instead of reading each relation's citations and building and encoding the edge on
/// every call.
///
/// Invariant: every relation's `wire` holds the bytes `Edge.write(to:)` writes for it with this build's encoding,
/// which `fingerprint` stands for (kept in `meta` under `relation_wire`). `RecordWriter` writes the form with the
/// relation; `update` (run by `Schema.migrate`, in its transaction, whenever a store opens) encodes every relation
/// again when the database was written by a build that encoded edges differently, or before forms were stored.
enum RelationWireForm {
    /// Stands for this build's encoding of edges: the CRC-32 of the wire forms of `samples`. A change to how an
    /// edge, its citations or any kind of date is written changes it.
    static let fingerprint: Int64 = {
        var checksum = CRC32()
        for sample in RelationWireForm.samples { checksum.update((try? RelationWireForm.encode(sample)) ?? []) }
        return Int64(checksum.value)
    }()

    /// Edges with every member an edge can have, dated in each form a date can take.
    static let samples: [Edge] = [
        ("1907-12-10", "10 December 1907"), ("1905-03~", nil), ("1999?", nil), ("199X", nil), ("19XX", "the 1900s"),
        ("1990/1995-06", nil), ("../1999", nil), ("1999/..", nil), ("-0044-03-15", nil),
    ].enumerated().map { index, date in
        Edge(
            id: "a--signed--b--\(index)",
            type: "signed",
            from: "a",
            to: "b",
            date: try? DateValue(edtf: EDTFDate(date.0), text: date.1),
            summary: "A \"sample\" edge.",
            citations: [
                Citation(doc: "d.txt", first: 1, last: 2), Citation(doc: "d.txt", first: 3, last: 3, ref: "p. 1"),
            ]
        )
    }

    /// The wire form of `relation`.
    static func encode(_ relation: RelationRecord) throws -> [UInt8] {
        try WireWriter.bytes(of: relation)
    }

    /// Encodes every relation again unless the database's forms are this build's (`fingerprint`), a thousand
    /// relations at a time, then records the fingerprint.
    static func update(_ connection: Connection) throws {
        let stored = try connection.cached("SELECT value FROM meta WHERE key = 'relation_wire'").first { $0.int64(0) }
        guard stored != self.fingerprint else { return }
        let rows = SQLiteRows(connection: connection, context: QueryContext(deadline: nil))
        var after = ""
        while true {
            let ids = try connection.cached("SELECT id FROM relations WHERE id > ? ORDER BY id LIMIT 1000")
                .map([.text(after)]) { $0.text(0) }
            guard let last = ids.last else { break }
            for edge in try rows.edges(ids) {
                try connection.cached("UPDATE relations SET wire = ? WHERE id = ?")
                    .run([.blob(try self.encode(edge)), .text(edge.id)])
            }
            after = last
        }
        try connection.cached(
            """
            INSERT INTO meta(key, value) VALUES ('relation_wire', ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """
        ).run([.integer(self.fingerprint)])
    }
}
