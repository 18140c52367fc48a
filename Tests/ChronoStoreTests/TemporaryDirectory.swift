import Foundation

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        self.url = FileManager.default.temporaryDirectory.appendingPathComponent("chronograph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true)
    }

    /// A database path inside the directory.
    var databasePath: String { self.url.appendingPathComponent("graph.sqlite").path }

    func remove() {
        try? FileManager.default.removeItem(at: self.url)
    }
}

/// Paths of the test fixtures, found from this file's location.
enum Fixtures {
    /// `Tests/ChronoStoreTests/Fixtures/graph`.
    static var graph: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/graph")
    }
}
