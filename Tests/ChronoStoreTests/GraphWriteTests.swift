import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoStore

@Suite("Inserting records into a loaded graph")
struct GraphWriteTests {
    private let citation = #""citations":[{"doc":"doc-b.txt","lines":[3,4]}]"#

    @Test func insertsValidatedRecordsAtANewRevisionAndLogsThem() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let parser = GraphRecordParser()
        let records = [
            try parser.parse(
                #"{"record":"relation","id":"ganja--located_in--azerbaijan","type":"located_in","from":"ganja","to":"azerbaijan",\#(self.citation)}"#
            ),
            try parser.parse(
                #"{"record":"entity","id":"ganja","kind":"place","name":"Gəncə","aliases":["Ganja"],\#(self.citation)}"#
            ),
        ].enumerated().map { LocatedRecord(record: $1, file: "request", line: $0 + 1) }
        let revision = try await fixture.store.insert(records)
        #expect(revision == 2)
        #expect(try await fixture.store.revision() == 2)
        #expect(try await fixture.store.resolve("Gence").id == "ganja")
        let neighbors = try await fixture.store.neighbors(NeighborsQuery(id: "ganja"))
        #expect(neighbors.nodes.map(\.entity.id) == ["azerbaijan"])
        #expect(neighbors.revision == 2)
        let changes = try await fixture.store.changes(after: 1)
        #expect(
            changes == [
                GraphChange(revision: 2, kind: "entity", id: "ganja", op: .insert),
                GraphChange(revision: 2, kind: "relation", id: "ganja--located_in--azerbaijan", op: .insert),
            ]
        )
        #expect(try await fixture.store.changes(after: 0).count == 46)
    }

    @Test func rejectsAnInvalidBatchWithoutWritingAnything() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let parser = GraphRecordParser()
        let good = try parser.parse(
            #"{"record":"entity","id":"ganja","kind":"place","name":"Ganja",\#(self.citation)}"#
        )
        let bad = try parser.parse(
            #"{"record":"relation","id":"ganja--located_in--nowhere","type":"located_in","from":"ganja","to":"nowhere",\#(self.citation)}"#
        )
        let error = await #expect(throws: GraphLoadError.self) {
            try await fixture.store.insert([
                LocatedRecord(record: good, file: "request", line: 1),
                LocatedRecord(record: bad, file: "request", line: 2),
            ])
        }
        #expect(error?.line == 2)
        #expect(try await fixture.store.revision() == 1)
        await #expect(throws: ChronoError.self) { try await fixture.store.resolve("ganja") }
        #expect(try await fixture.store.changes(after: 1).isEmpty)
    }
}
