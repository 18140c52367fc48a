import ChronoGraph
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

/// `LiveGraph.takeGraphChanges` on the fixture graph copied to a folder of the test's own.
@Suite("Taking in a changed graph folder")
struct GraphSourceTests {
    /// A store loaded from a copy of the fixture graph, and the copy.
    private struct Copy {
        let fixture: FixtureStore
        let folder: URL

        static func make() async throws -> Copy {
            let directory = try TemporaryDirectory()
            let folder = directory.url.appendingPathComponent("graph")
            try FileManager.default.copyItem(at: Fixtures.graph, to: folder)
            let store = try await GraphStore.open(path: directory.databasePath)
            try await GraphLoader(directory: folder).load(into: store)
            return Copy(fixture: FixtureStore(directory: directory, store: store), folder: folder)
        }

        /// Rewrites vocabulary.json after `change` edits its relation types.
        func editRelationTypes(_ change: (inout [String: String]) -> Void) throws {
            let url = self.folder.appendingPathComponent("vocabulary.json")
            var vocabulary = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            var types = try #require(vocabulary["relation_types"] as? [String: String])
            change(&types)
            vocabulary["relation_types"] = types
            try JSONSerialization.data(withJSONObject: vocabulary).write(to: url)
        }
    }

    @Test func anUnchangedFolderIsLeftAlone() async throws {
        let copy = try await Copy.make()
        defer { copy.fixture.close() }
        let update = try await copy.fixture.live.takeGraphChanges(from: GraphLoader(directory: copy.folder))
        #expect(update == GraphSourceUpdate(folderChanged: false, report: nil, keptLiveWrites: [], settled: []))
        #expect(try await copy.fixture.store.revision() == 1)
    }

    @Test func aNewVocabularyTermIsAddedWithoutARevision() async throws {
        let copy = try await Copy.make()
        defer { copy.fixture.close() }
        try copy.editRelationTypes { $0["employs"] = "a company employs a group of people" }
        let update = try await copy.fixture.live.takeGraphChanges(from: GraphLoader(directory: copy.folder))
        #expect(update.folderChanged)
        #expect(update.report == nil)
        #expect(try await copy.fixture.store.revision() == 1)
        let terms = try await copy.fixture.store.read(deadline: nil) { connection, _ in
            try GraphStore.vocabulary(connection).relationTypes
        }
        #expect(terms["employs"] == "a company employs a group of people")
        // Recorded: the same folder is not taken in twice.
        let again = try await copy.fixture.live.takeGraphChanges(from: GraphLoader(directory: copy.folder))
        #expect(!again.folderChanged)
    }

    @Test func aFolderThatDropsAVocabularyTermIsRefusedAndNothingChanges() async throws {
        let copy = try await Copy.make()
        defer { copy.fixture.close() }
        try copy.editRelationTypes { $0["signed"] = nil }
        await #expect(throws: GraphSourceError.vocabularyNarrowed(terms: ["relation_types.signed"])) {
            try await copy.fixture.live.takeGraphChanges(from: GraphLoader(directory: copy.folder))
        }
        #expect(try await copy.fixture.store.revision() == 1)
    }
}
