/// A citation as the daemon returns it.
struct FloorCitation {
    var doc: String
    var first: Int64
    var last: Int64
    var ref: String?
}

/// An entity reference: id, kind and name.
struct FloorRef {
    var id: String
    var kind: String
    var name: String
}

/// A full event: its row, its participants as entity references with roles, its citations.
struct FloorEvent {
    var id: String
    var type: String
    var title: String
    var summary: String
    var date: String
    var dateText: String?
    var participants: [(ref: FloorRef, role: String)]
    var citations: [FloorCitation]
}

/// A full relation with its citations.
struct FloorEdge {
    var id: String
    var type: String
    var from: String
    var to: String
    var date: String?
    var dateText: String?
    var summary: String?
    var citations: [FloorCitation]
}
