/// Where a record came from, so that an error about it can point there.
public enum RecordOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A 1-based line of a graph file (`Graph/events.jsonl`) or of a labelled record stream (a snapshot).
    case line(Int, in: String)
    /// A whole file, for an error not about one of its lines.
    case file(String)
    /// The upsert at `index` (0-based) of a write's batch.
    case upsert(index: Int)

    public var description: String {
        switch self {
        case .line(let line, let file): "\(file):\(line)"
        case .file(let file): file
        case .upsert(let index): "upserts[\(index)]"
        }
    }
}
