import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Streaming import and building a database file", .heavy, .timeLimit(.minutes(2)))
struct ImportTests {
    private static let graph = ImportTestGraph(
        graph: RandomGraph(nodes: 2_000, edges: 6_000, seed: 11),
        events: 8_000,
        seed: 12
    )

    @Test func buildingAndLoadingGiveTheSameTablesAsTheWholeBatchLoadAndExportWhatWasRead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Self.graph.write(to: directory.url)
        let reference = directory.url.appendingPathComponent("reference.sqlite").path
        try await ImportTestGraph.referenceLoad(url, into: reference)
        let built = directory.url.appendingPathComponent("built.sqlite").path
        let report = try await GraphLoader(directory: url).build(database: built)
        let store = try await GraphStore.open(path: directory.databasePath)
        let loaded = try await GraphLoader(directory: url).load(into: store)
        #expect(report == loaded)
        let records = try GraphLoader(directory: url).records()
        #expect(report.records == records.count)
        #expect(records.count == 1 + 2_000 + 8_000 + Self.graph.graph.relations.count)
        let expected = try ImportTestGraph.dump(reference)
        for actual in [try ImportTestGraph.dump(built), try ImportTestGraph.dump(directory.databasePath)] {
            #expect(actual.keys.sorted() == expected.keys.sorted())
            for table in expected.keys.sorted() {
                #expect(actual[table] == expected[table], "table \(table)")
            }
        }
        #expect(expected["events"]?.count == 8_000)
        let exported = try await GraphStore.open(path: built).export()
        #expect(Set(exported.records) == Set(records.map(\.record)))
        #expect(exported.records.count == records.count)
        // Both remember the folder they took in, so a later change to it can be applied.
        let source = GraphSource(hash: try GraphLoader(directory: url).contentHash(), revision: 1)
        for path in [built, directory.databasePath] {
            #expect(try GraphSource.load(Connection(path: path, readOnly: true)) == source)
        }
    }

    @Test func theFixtureGraphWithItsForwardReferencesBuildsLikeTheWholeBatchLoad() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let built = directory.url.appendingPathComponent("built.sqlite").path
        try await GraphLoader(directory: Fixtures.graph).build(database: built)
        try await ImportTestGraph.referenceLoad(Fixtures.graph, into: directory.databasePath)
        #expect(try ImportTestGraph.dump(built) == ImportTestGraph.dump(directory.databasePath))
    }

    @Test func aBadLineLateInABigFileNamesItsLineAndLeavesNoDatabase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Self.graph.write(to: directory.url)
        let events = url.appendingPathComponent("events.jsonl")
        let bad =
            #"{"record":"event","id":"late","type":"other","title":"t","date":{"edtf":"2001"},"#
            + #""participants":[{"entity":"n1","role":"hero"}],"citations":[{"doc":"d.txt","lines":[1,1]}]}"#
        let text = try String(contentsOf: events, encoding: .utf8) + bad + "\n"
        try text.write(to: events, atomically: true, encoding: .utf8)
        let path = directory.url.appendingPathComponent("built.sqlite").path
        let error = await #expect(throws: GraphLoadError.self) {
            try await GraphLoader(directory: url).build(database: path)
        }
        #expect(error?.origin == .line(8_001, in: "Graph/events.jsonl"))
        #expect(error?.message.contains("participants[0].role: \"hero\"") == true, "\(String(describing: error))")
        for suffix in ["", "-wal", "-shm", ".importing", ".importing-wal", ".importing-shm"] {
            #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(path + suffix) exists")
        }
    }

    @Test func errorsComeInLineOrderWhetherFoundByTheParserOrTheChecks() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Self.graph.write(to: directory.url)
        let events = url.appendingPathComponent("events.jsonl")
        var lines = try String(contentsOf: events, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[4_999] = "not json"
        try (lines.joined(separator: "\n") + "\n").write(to: events, atomically: true, encoding: .utf8)
        let path = directory.url.appendingPathComponent("built.sqlite").path
        let parseError = await #expect(throws: GraphLoadError.self) {
            try await GraphLoader(directory: url).build(database: path)
        }
        #expect(parseError?.origin == .line(5_000, in: "Graph/events.jsonl"))
        #expect(parseError?.message.contains("not valid JSON") == true, "\(String(describing: parseError))")
        lines[2_999] = lines[2_999].replacingOccurrences(of: #""type":"other""#, with: #""type":"picnic""#)
        try (lines.joined(separator: "\n") + "\n").write(to: events, atomically: true, encoding: .utf8)
        let checkError = await #expect(throws: GraphLoadError.self) {
            try await GraphLoader(directory: url).build(database: path)
        }
        #expect(checkError?.origin == .line(3_000, in: "Graph/events.jsonl"))
        #expect(checkError?.message.contains("type: \"picnic\" is not in the vocabulary") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".importing"))
    }

    @Test func anUnknownReferenceIsReportedAtItsLineAfterReading() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Self.graph.write(to: directory.url)
        let early = url.appendingPathComponent("a-early.jsonl")
        try
            (#"{"record":"relation","id":"n1--cooperates_with--ghost","type":"cooperates_with","from":"n1","#
            + #""to":"ghost","citations":[{"doc":"d.txt","lines":[1,1]}]}"# + "\n")
            .write(to: early, atomically: true, encoding: .utf8)
        let store = try await GraphStore.open(path: directory.databasePath)
        let error = await #expect(throws: GraphLoadError.self) {
            try await GraphLoader(directory: url).load(into: store)
        }
        #expect(error?.origin == .line(1, in: "Graph/a-early.jsonl"))
        #expect(error?.message == "to: unknown entity \"ghost\"")
        #expect(try await store.revision() == 0)
    }

    @Test func forwardReferencesAcrossFilesLoadAsIfInDependencyOrder() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Self.graph.write(to: directory.url)
        try await ImportTestGraph.referenceLoad(url, into: directory.databasePath)
        let expected = try ImportTestGraph.dump(directory.databasePath)
        // The relations now come first in path order, before the entities they name.
        try FileManager.default.moveItem(
            at: url.appendingPathComponent("relations.jsonl"),
            to: url.appendingPathComponent("0-relations.jsonl")
        )
        let built = directory.url.appendingPathComponent("built.sqlite").path
        try await GraphLoader(directory: url).build(database: built)
        #expect(try ImportTestGraph.dump(built) == expected)
    }

    @Test func aLeftoverBuildFileIsReplaced() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.databasePath
        try Data("half a database".utf8).write(to: URL(fileURLWithPath: path + ".importing"))
        let report = try await GraphLoader(directory: Fixtures.graph).build(database: path)
        #expect(report.records == 44)
        #expect(!FileManager.default.fileExists(atPath: path + ".importing"))
        #expect(try await GraphStore.open(path: path).revision() == 1)
    }

    @Test func progressCountsBytesUpToTheTotalAndEndsWithReadingDone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Self.graph.write(to: directory.url)
        let reports = ProgressLog()
        let report = try await GraphLoader(directory: url).build(
            database: directory.databasePath,
            progress: { reports.append($0) }
        )
        let seen = reports.values
        let total = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".jsonl") }
            .reduce(Int64(0)) { sum, name in
                let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(name).path)
                return sum + ((attributes[.size] as? NSNumber)?.int64Value ?? 0)
            }
        #expect(seen.count >= report.records / GraphLoader.progressInterval)
        #expect(seen.allSatisfy { $0.totalBytes == total })
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesRead <= $1.bytesRead && $0.records <= $1.records })
        #expect(seen.dropLast().allSatisfy { !$0.isReadingDone && $0.fraction < 1 })
        let last = GraphLoadProgress(bytesRead: total, totalBytes: total, records: report.records, isReadingDone: true)
        #expect(seen.last == last)
    }

    @Test func crlfLineEndingsAndBlankLinesAreRead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let graph = directory.url.appendingPathComponent("Graph")
        try FileManager.default.copyItem(at: Fixtures.graph, to: graph)
        for name in try FileManager.default.contentsOfDirectory(atPath: graph.path) where name.hasSuffix(".jsonl") {
            let url = graph.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            try ("\r\n  \r\n" + text.replacingOccurrences(of: "\n", with: "\r\n")).write(
                to: url,
                atomically: true,
                encoding: .utf8
            )
        }
        let original = try GraphLoader(directory: Fixtures.graph).records()
        let read = try GraphLoader(directory: graph).records()
        #expect(read.map(\.record) == original.map(\.record))
        // The copy's directory is named `graph`, the fixture's `Graph`: the same files, each line two further down.
        let lines = { (records: [LocatedRecord]) in
            records.map { located -> Int? in
                guard case .line(let line, _) = located.origin else { return nil }
                return line
            }
        }
        #expect(lines(read) == lines(original).map { $0.map { $0 + 2 } })
    }
}

/// Progress reports collected from the build thread.
///
/// `@unchecked Sendable`: `reports` is guarded by `lock`.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [GraphLoadProgress] = []

    func append(_ progress: GraphLoadProgress) { self.lock.withLock { self.reports.append(progress) } }

    var values: [GraphLoadProgress] { self.lock.withLock { self.reports } }
}
