public import ChronoProtocol

/// A relation on the wire: the stored `RelationRecord` itself, which encodes in the wire form (dates
/// expanded, an absent date or summary omitted).
public typealias Edge = RelationRecord

/// An edge already in its wire form: the JSON object `Edge` writes, encoded once when its relation was stored
/// and spliced as it is into every answer that lists it. Traversals list many edges (a 2-hop neighbourhood's 200
/// or so were a third of its cost when each was read, built and encoded per call).
public struct EncodedEdge: Sendable, Hashable {
    /// The relation's id.
    public var id: String
    /// The edge's JSON object in wire form.
    public var json: [UInt8]

    /// An edge whose wire form is `json` (the bytes `Edge.write(to:)` wrote for the relation `id`).
    public init(id: String, json: [UInt8]) {
        self.id = id
        self.json = json
    }

    /// `edge` in its wire form.
    public init(_ edge: Edge) throws {
        self.init(id: edge.id, json: try WireWriter.bytes(of: edge))
    }
}

extension EncodedEdge: WireEncodable {
    public func write(to writer: inout WireWriter) {
        writer.encoded(self.json)
    }
}

extension EncodedEdge: ResultElement {
    public var itemID: String { self.id }
}
