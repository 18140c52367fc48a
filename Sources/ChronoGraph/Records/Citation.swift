/// Where a fact comes from: a document, an inclusive 1-based line range, and the document's own reference.
public struct Citation: Sendable, Hashable {
    /// The document's file name (`002_ad439a7acad4c436.txt`).
    public var doc: String
    /// The first cited line, 1-based.
    public var first: Int
    /// The last cited line, inclusive.
    public var last: Int
    /// The reference the document itself gives (`Yunusov 2009, p. 151`), if any.
    public var ref: String?

    /// Creates a citation.
    public init(doc: String, first: Int, last: Int, ref: String? = nil) {
        self.doc = doc
        self.first = first
        self.last = last
        self.ref = ref
    }
}
