import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Graph loader")
struct GraphLoaderTests {
    /// Copies the fixture graph into a temporary directory and appends `line` to `file`.
    private func brokenGraph(_ directory: TemporaryDirectory, file: String, line: String) throws -> URL {
        let graph = directory.url.appendingPathComponent("Graph")
        try FileManager.default.copyItem(at: Fixtures.graph, to: graph)
        let url = graph.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8) + line + "\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        return graph
    }

    private func count(_ table: String, in path: String) throws -> Int {
        let connection = try Connection(path: path)
        return try connection.prepare("SELECT count(*) FROM \(table)").first { $0.int(0) } ?? -1
    }

    @Test func loadsTheFixtureGraph() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        let report = try await GraphLoader(directory: Fixtures.graph).load(into: store)
        #expect(report.records == 44)
        #expect(report.revision == 1)
        #expect(try await store.revision() == 1)
        #expect(try self.count("entities", in: directory.databasePath) == 13)
        #expect(try self.count("events", in: directory.databasePath) == 11)
        #expect(try self.count("participants", in: directory.databasePath) == 20)
        #expect(try self.count("relations", in: directory.databasePath) == 13)
        #expect(try self.count("changes", in: directory.databasePath) == 44)
        let again = try await GraphLoader(directory: Fixtures.graph).load(into: store)
        #expect(again.revision == 2)
        #expect(try self.count("entities", in: directory.databasePath) == 13)
    }

    static let invalidLines: [(file: String, line: Int, message: String, text: String)] = [
        (
            "entities.jsonl", 14, "duplicate entity id \"germany\"",
            #"{"record":"entity","id":"germany","kind":"state","name":"Germany again","citations":[{"doc":"doc-a.txt","lines":[1,1]}]}"#
        ),
        (
            "relations.jsonl", 14, "from: unknown entity \"nobody\"",
            #"{"record":"relation","id":"nobody--heads--baku","type":"heads","from":"nobody","to":"baku","citations":[{"doc":"doc-a.txt","lines":[1,1]}]}"#
        ),
        (
            "events.jsonl", 12, "date.edtf:",
            #"{"record":"event","id":"bad-date","type":"other","title":"Bad","date":{"edtf":"2007-13"},"participants":[{"entity":"baku","role":"place"}],"citations":[{"doc":"doc-a.txt","lines":[1,1]}]}"#
        ),
        (
            "relations.jsonl", 14, "type: \"likes\" is not in the vocabulary's relation_types",
            #"{"record":"relation","id":"baku--likes--germany","type":"likes","from":"baku","to":"germany","citations":[{"doc":"doc-a.txt","lines":[1,1]}]}"#
        ),
        (
            "events.jsonl", 12, "participants[1].role: \"hero\" is not in the vocabulary's participant_roles",
            #"{"record":"event","id":"bad-role","type":"other","title":"Bad","date":{"edtf":"2007"},"participants":[{"entity":"baku","role":"place"},{"entity":"germany","role":"hero"}],"citations":[{"doc":"doc-a.txt","lines":[1,1]}]}"#
        ),
        (
            "figures.jsonl", 4, "citations: must not be empty",
            #"{"record":"figure","id":"uncited","measure":"m","value":1,"qualifier":"exact","unit":"people","citations":[]}"#
        ),
        (
            "disputes.jsonl", 3, "claims[1].citations[0].lines: [199, 201] is outside doc-a.txt (1–200)",
            #"{"record":"dispute","id":"bad-lines","topic":"t","claims":[{"claim":"a","citations":[{"doc":"doc-a.txt","lines":[1,1]}]},{"claim":"b","citations":[{"doc":"doc-a.txt","lines":[199,201]}]}]}"#
        ),
        (
            "entities.jsonl", 14, "citations[0].doc: unknown document \"missing.txt\"",
            #"{"record":"entity","id":"new-one","kind":"place","name":"Somewhere","citations":[{"doc":"missing.txt","lines":[1,1]}]}"#
        ),
        (
            "entities.jsonl", 14, "colour: unknown field",
            #"{"record":"entity","id":"new-one","kind":"place","name":"Somewhere","colour":"red","citations":[{"doc":"doc-a.txt","lines":[1,1]}]}"#
        ),
    ]

    @Test(arguments: 0..<Self.invalidLines.count)
    func rejectsInvalidInputNamingFileAndLineAndLeavesNothing(_ index: Int) async throws {
        let case_ = Self.invalidLines[index]
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let graph = try self.brokenGraph(directory, file: case_.file, line: case_.text)
        let store = try await GraphStore.open(path: directory.databasePath)
        let error = await #expect(throws: GraphLoadError.self) {
            try await GraphLoader(directory: graph).load(into: store)
        }
        #expect(error?.origin == .line(case_.line, in: "Graph/\(case_.file)"))
        #expect(error?.message.contains(case_.message) == true, "\(String(describing: error))")
        #expect(error?.status.code == .invalidArgument)
        #expect(try await store.revision() == 0)
        for table in ["documents", "entities", "events", "relations", "disputes", "figures", "citations", "changes"] {
            #expect(try self.count(table, in: directory.databasePath) == 0)
        }
    }

    @Test func failedReloadKeepsThePreviousGraph() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: Fixtures.graph).load(into: store)
        let graph = try self.brokenGraph(directory, file: "entities.jsonl", line: "not json")
        await #expect(throws: GraphLoadError.self) { try await GraphLoader(directory: graph).load(into: store) }
        #expect(try await store.revision() == 1)
        #expect(try self.count("entities", in: directory.databasePath) == 13)
    }
}

extension GraphLoaderTests {
    @Test func validatesNewRecordsAgainstTheStoredGraph() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let parser = GraphRecordParser()
        let citation = #""citations":[{"doc":"doc-b.txt","lines":[1,2]}]"#
        let good = try parser.parse(
            #"{"record":"relation","id":"baku--hosts--idps","type":"hosts","from":"baku","to":"idps",\#(citation)}"#
        )
        try await fixture.store.validate([LocatedRecord(record: good, origin: .line(1, in: "request"))])
        let unknown = try parser.parse(
            #"{"record":"relation","id":"baku--hosts--nobody","type":"hosts","from":"baku","to":"nobody",\#(citation)}"#
        )
        let error = await #expect(throws: GraphLoadError.self) {
            try await fixture.store.validate([
                LocatedRecord(record: good, origin: .line(1, in: "request")),
                LocatedRecord(record: unknown, origin: .line(2, in: "request")),
            ])
        }
        #expect(error?.description == "request:2: to: unknown entity \"nobody\"")
        let duplicate = try parser.parse(#"{"record":"entity","id":"baku","kind":"place","name":"Baku",\#(citation)}"#)
        let again = await #expect(throws: GraphLoadError.self) {
            try await fixture.store.validate([LocatedRecord(record: duplicate, origin: .line(1, in: "request"))])
        }
        #expect(again?.message == "id: duplicate entity id \"baku\"")
        let typed = try parser.parse(
            #"{"record":"relation","id":"baku--likes--idps","type":"likes","from":"baku","to":"idps",\#(citation)}"#
        )
        await #expect(throws: GraphLoadError.self) {
            try await fixture.store.validate([LocatedRecord(record: typed, origin: .line(1, in: "request"))])
        }
    }
}
