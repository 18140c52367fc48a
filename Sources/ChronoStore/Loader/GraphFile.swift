internal import Foundation

/// One `*.jsonl` file of a graph directory.
struct GraphFile: Sendable {
    /// The file on disk.
    let url: URL
    /// The file as errors name it (`Graph/events.jsonl`).
    let label: String
    /// Its size in bytes, for progress.
    let size: Int64

    /// A line reader over the file.
    var reader: GraphLineReader { GraphLineReader(url: self.url, file: self.label) }
}
