import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import Testing

@Suite("Canonical export of the repository's Graph/", .heavy, .timeLimit(.minutes(2)))
struct CanonicalExportTests {
    private static func canonicalLines(_ records: [GraphRecord]) throws -> [String] {
        try records.map { String(decoding: try WireWriter.bytes(of: $0), as: UTF8.self) }
    }

    @Test func everyRecordSurvivesEncodingAndParsing() throws {
        let parser = GraphRecordParser()
        let records = try RepositoryGraph.records().map(\.record)
        let lines = try Self.canonicalLines(records)
        let reparsed = try lines.map { try parser.parse($0) }
        #expect(reparsed == records)
        #expect(try Self.canonicalLines(reparsed) == lines)
    }

    @Test func theStoreGivesBackExactlyWhatWasLoaded() async throws {
        let directory = try TemporaryDirectory(prefix: "export")
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: RepositoryGraph.directory).load(into: store)
        let exported = try await store.export()
        let loaded = try RepositoryGraph.records().map(\.record)
        #expect(exported.revision == 1)
        #expect(exported.records.count == loaded.count)
        let missing = Set(loaded).subtracting(exported.records).map(\.id).sorted()
        #expect(missing.isEmpty, "records that did not come back unchanged: \(missing.prefix(20))")
        let keys = exported.records.map { RecordKey(kind: $0.kind, id: $0.id) }
        #expect(keys == keys.sorted())
    }
}
