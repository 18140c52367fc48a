/// A source document (`documents.jsonl`).
public struct DocumentRecord: Sendable, Hashable {
    /// The file name, e.g. `000_58cdf720df08e1c1.txt`.
    public var id: String
    /// The document's title.
    public var title: String
    /// The number of lines; citations must lie within `1...lines`.
    public var lines: Int

    /// Creates a document record.
    public init(id: String, title: String, lines: Int) {
        self.id = id
        self.title = title
        self.lines = lines
    }
}
