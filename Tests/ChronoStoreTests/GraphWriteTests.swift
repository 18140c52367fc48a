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

extension GraphWriteTests {
    @Test func upsertReplacesAStoredRecordAndLogsAnUpdate() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let renamed = try GraphRecordParser().parse(
            #"{"record":"entity","id":"state-migration-service","kind":"organisation","name":"State Migration Service of Azerbaijan","aliases":["DMX"],\#(self.citation)}"#
        )
        let revision = try await fixture.store.write(
            upserts: [LocatedRecord(record: renamed, file: "request", line: 1)],
            retractions: []
        )
        #expect(revision == 2)
        #expect(try await fixture.store.resolve("DMX").id == "state-migration-service")
        await #expect(throws: ChronoError.self) { try await fixture.store.resolve("SMS") }
        let detail = try await fixture.store.entity("state-migration-service")
        #expect(detail.entity.ref.name == "State Migration Service of Azerbaijan")
        #expect(detail.relations.count == 2)
        #expect(detail.entity.citations == [Citation(doc: "doc-b.txt", first: 3, last: 4)])
        let search = try await fixture.store.search(SearchQuery(text: "Azerbaijan", kinds: [.organisation]))
        #expect(Set(search.results.map(\.entity.id)) == ["state-migration-service", "milli-majlis"])
        #expect(
            try await fixture.store.changes(after: 1) == [
                GraphChange(revision: 2, kind: "entity", id: "state-migration-service", op: .update)
            ]
        )
    }

    @Test func retractionsRemoveRecordsButNeverLeaveDanglingReferences() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let store = fixture.store
        let stillUsed = await #expect(throws: ChronoError.self) {
            try await store.write(upserts: [], retractions: ["baku"])
        }
        #expect(stillUsed?.code == .failedPrecondition)
        #expect(
            stillUsed?.message == "retractions[0]: relation \"baku--located_in--azerbaijan\" still refers to \"baku\""
        )
        let unknown = await #expect(throws: ChronoError.self) {
            try await store.write(upserts: [], retractions: ["atlantis"])
        }
        #expect(unknown?.code == .notFound)
        #expect(try await store.revision() == 1)
        let revision = try await store.write(upserts: [], retractions: ["baku--located_in--azerbaijan", "baku"])
        #expect(revision == 2)
        await #expect(throws: ChronoError.self) { try await store.entity("baku") }
        #expect(try await store.stats().counts.relations == 12)
        let changes = try await store.changes(after: 1)
        #expect(changes.map(\.op) == [.delete, .delete])
        #expect(Set(changes.map(\.id)) == ["baku", "baku--located_in--azerbaijan"])
        let event = await #expect(throws: ChronoError.self) {
            try await store.write(upserts: [], retractions: ["germany"])
        }
        #expect(event?.message.contains("still refers to \"germany\"") == true)
        #expect(try await store.stats().counts.entities == 12)
    }
}
