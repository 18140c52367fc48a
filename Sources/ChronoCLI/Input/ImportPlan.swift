public import ChronoProtocol
import Foundation

/// The records of a `Graph/`-format directory, in dependency order, cut into `Facts/Write` batches.
///
/// Order: documents, entities, events, relations, disputes, figures (what a record refers to comes first),
/// then by file and line. Each batch fits one request line; a single record that does not is refused.
public struct ImportPlan: Sendable {
    /// The record kinds `Facts/Write` accepts, in the order they are sent.
    public static let kinds = ["document", "entity", "event", "relation", "dispute", "figure"]

    /// The batches, each all-or-nothing on its own.
    public var batches: [[JSONValue]]
    /// The number of records of each kind.
    public var counts: [String: Int]

    /// Reads every `*.jsonl` directly under `directory` and plans batches of at most `capacity` bytes.
    /// - Throws: `INVALID_ARGUMENT` naming the directory, a file and line, or an unknown record kind.
    public init(directory: String, capacity: Int = WriteBatch.capacity) throws(CLIFailure) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".jsonl") }
        } catch {
            throw CLIFailure(.invalidArgument, "\(directory): cannot list the directory")
        }
        guard !names.isEmpty else {
            throw CLIFailure(.invalidArgument, "\(directory): no *.jsonl files")
        }
        var records: [JSONValue] = []
        for name in names.sorted() {
            let path = (directory as NSString).appendingPathComponent(name)
            records += try RecordLines.parse(try RecordLines.read(path), source: path)
        }
        var counts: [String: Int] = [:]
        for record in records {
            let kind = record.text("record")
            guard Self.kinds.contains(kind) else {
                let id = record.text("id")
                throw CLIFailure(.invalidArgument, "\(directory): unknown record kind \"\(kind)\" (id \"\(id)\")")
            }
            counts[kind, default: 0] += 1
        }
        let ordered = Self.kinds.flatMap { kind in records.filter { $0.text("record") == kind } }
        self.batches = try Self.cut(ordered, capacity: capacity)
        self.counts = counts
    }

    /// Greedy batches: records in order, a new batch whenever the next record would pass `capacity`.
    static func cut(_ records: [JSONValue], capacity: Int) throws(CLIFailure) -> [[JSONValue]] {
        let overhead = "{\"retractions\":[],\"upserts\":[]}".utf8.count
        var batches: [[JSONValue]] = []
        var current: [JSONValue] = []
        var size = overhead
        for record in records {
            let length = record.canonicalText.utf8.count + 1
            guard overhead + length <= capacity else {
                let id = record.text("id")
                throw CLIFailure(
                    .invalidArgument,
                    "record \"\(id)\": \(length) bytes, more than a request line carries"
                )
            }
            if size + length > capacity {
                batches.append(current)
                current = []
                size = overhead
            }
            current.append(record)
            size += length
        }
        if !current.isEmpty {
            batches.append(current)
        }
        return batches
    }
}
