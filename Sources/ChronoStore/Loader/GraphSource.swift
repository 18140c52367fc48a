internal import Crypto
internal import Foundation

/// Which `Graph/` folder content the database last took in, and at which revision: written by every build or
/// load and by every later application of a changed folder (`LiveGraph.takeGraphChanges`), so a start can tell
/// whether the folder has changed since.
///
/// Invariant: at most one row; `revision` is the revision whose graph equalled the folder with `hash`, apart from
/// the live writes made since.
struct GraphSource: Sendable, Equatable {
    /// Schema migration 3.
    static let migration = """
        CREATE TABLE graph_source(
            id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL, revision INTEGER NOT NULL
        );
        """

    /// SHA-256 of the folder's loaded files (`GraphLoader.contentHash`), in hex.
    var hash: String
    /// The revision that took the folder in.
    var revision: Int64

    /// The source recorded on `connection`, or nil for a database built before sources were recorded.
    static func load(_ connection: Connection) throws -> GraphSource? {
        try connection.cached("SELECT hash, revision FROM graph_source WHERE id = 1").first {
            GraphSource(hash: $0.text(0), revision: $0.int64(1))
        }
    }

    /// Records this source on `connection`, replacing any earlier one.
    func record(_ connection: Connection) throws {
        try connection.cached("INSERT OR REPLACE INTO graph_source(id, hash, revision) VALUES (1, ?, ?)")
            .run([.text(self.hash), .integer(self.revision)])
    }
}

extension GraphLoader {
    /// SHA-256 over the files a load reads (`vocabulary.json` and every `*.jsonl`, in path order), each as its
    /// path, its length and its bytes, in hex: equal exactly when a load would read the same content.
    public func contentHash() throws -> String {
        var hasher = SHA256()
        let files = [self.directory.appendingPathComponent("vocabulary.json")] + (try self.files()).map(\.url)
        for url in files {
            let relative = String(url.path.dropFirst(self.directory.path.count))
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw GraphLoadError(.file(relative), message: "cannot read the file")
            }
            defer { try? handle.close() }
            hasher.update(data: Data("\(relative)\n".utf8))
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
            hasher.update(data: Data("\n\u{0}".utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
