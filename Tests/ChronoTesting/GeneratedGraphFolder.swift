public import Foundation

/// The `Graph/` folder of a generated test graph, before its records: the repository's vocabulary and one
/// ten-line document, `d.txt`, which every generated record cites.
public enum GeneratedGraphFolder {
    /// The citations every generated record carries: line 1 of `d.txt`.
    public static let citation = #"[{"doc":"d.txt","lines":[1,1]}]"#

    /// Creates `directory/Graph` holding the vocabulary file at `vocabulary` and the document; returns its URL.
    public static func create(in directory: URL, vocabulary: URL) throws -> URL {
        let graph = directory.appendingPathComponent("Graph")
        try FileManager.default.createDirectory(at: graph, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: vocabulary, to: graph.appendingPathComponent("vocabulary.json"))
        try #"{"record":"document","id":"d.txt","title":"Random","lines":10}"#.appending("\n")
            .write(to: graph.appendingPathComponent("documents.jsonl"), atomically: true, encoding: .utf8)
        return graph
    }
}
