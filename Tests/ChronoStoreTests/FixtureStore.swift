import ChronoStore
import ChronoTesting
import Foundation

/// A store loaded with the fixture graph in a temporary directory.
struct FixtureStore {
    let directory: TemporaryDirectory
    let store: GraphStore

    /// Opens the fixture graph's store, with `quickReaders` connections for `answerAtOnce`.
    static func open(quickReaders: Int = 0) async throws -> FixtureStore {
        let directory = try TemporaryDirectory()
        let store = try await GraphStore.open(path: directory.databasePath, quickReaders: quickReaders)
        try await GraphLoader(directory: Fixtures.graph).load(into: store)
        return FixtureStore(directory: directory, store: store)
    }

    /// The store as a live graph, the one write path (its scratch directory is inside the fixture's).
    var live: LiveGraph {
        LiveGraph(store: self.store, scratchDirectory: self.directory.url.appendingPathComponent("scratch").path)
    }

    func close() {
        self.directory.remove()
    }
}

/// Paths of the test fixtures, found from this file's location.
enum Fixtures {
    /// `Tests/ChronoStoreTests/Fixtures/graph`.
    static var graph: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/graph")
    }
}
