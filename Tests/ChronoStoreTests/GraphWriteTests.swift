import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Writing records into a loaded graph")
struct GraphWriteTests {
    private let citation = #""citations":[{"doc":"doc-b.txt","lines":[3,4]}]"#

    /// A record in the `Graph/` format as the JSON value a write takes.
    private func record(_ line: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
    }

    @Test func insertsValidatedRecordsAtANewRevisionAndLogsThem() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let records = [
            try self.record(
                #"{"record":"relation","id":"ganja--located_in--azerbaijan","type":"located_in","from":"ganja","to":"azerbaijan",\#(self.citation)}"#
            ),
            try self.record(
                #"{"record":"entity","id":"ganja","kind":"place","name":"Gəncə","aliases":["Ganja"],\#(self.citation)}"#
            ),
        ]
        let report = try await fixture.live.write(upserts: records, retractions: [])
        #expect(report.revision == 2)
        #expect(try await fixture.store.revision() == 2)
        #expect(try await fixture.store.resolve("Gence").id == "ganja")
        let neighbors = try await fixture.store.run(NeighborsQuery(id: "ganja"))
        #expect(neighbors.nodes.map(\.entity.id) == ["azerbaijan"])
        #expect(neighbors.revision == 2)
        let changes = try await fixture.store.changes(after: 1)
        #expect(
            changes == [
                GraphChange(revision: 2, kind: .entity, id: "ganja", op: .insert),
                GraphChange(revision: 2, kind: .relation, id: "ganja--located_in--azerbaijan", op: .insert),
            ]
        )
        #expect(try await fixture.store.changes(after: 0).count == 46)
    }

    @Test func aChangeLogRowOfAnUnknownKindOrOperationIsDataLossNotAGuess() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        // The schema's CHECK constraints keep such rows out; a damaged or foreign file can still hold them.
        let connection = try Connection(path: fixture.directory.databasePath)
        try connection.execute("PRAGMA ignore_check_constraints = ON")
        try connection.execute("INSERT INTO changes(revision, kind, id, op) VALUES (1, 'entity', 'x', 'upsert')")
        await #expect(throws: ChronoError.dataLoss("stored change operation \"upsert\" is unknown")) {
            try await fixture.store.changes(after: 0)
        }
        try connection.execute("UPDATE changes SET kind = 'gadget', op = 'insert' WHERE id = 'x'")
        await #expect(throws: ChronoError.dataLoss("stored record kind \"gadget\" is unknown")) {
            try await fixture.store.changes(after: 0)
        }
    }

    @Test func theLatestRevisionIsCurrentTheMomentAWriteReturns() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        #expect(fixture.store.latestRevision == 1)
        // Every answer is stamped with `latestRevision`: it must never lag a write that has returned.
        for index in 0..<50 {
            let entity = try self.record(
                #"{"record":"entity","id":"place-\#(index)","kind":"place","name":"Place \#(index)",\#(self.citation)}"#
            )
            let report = try await fixture.live.write(upserts: [entity], retractions: [])
            #expect(fixture.store.latestRevision == report.revision)
        }
    }

    @Test func rejectsAnInvalidBatchWithoutWritingAnything() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let good = try self.record(
            #"{"record":"entity","id":"ganja","kind":"place","name":"Ganja",\#(self.citation)}"#
        )
        let bad = try self.record(
            #"{"record":"relation","id":"ganja--located_in--nowhere","type":"located_in","from":"ganja","to":"nowhere",\#(self.citation)}"#
        )
        let error = await #expect(throws: GraphError.self) {
            try await fixture.live.write(upserts: [good, bad], retractions: [])
        }
        guard case .refusedUpsert(let index, _)? = error else {
            Issue.record("expected a refused upsert, got \(String(describing: error))")
            return
        }
        #expect(index == 1)
        #expect(try await fixture.store.revision() == 1)
        await #expect(throws: UnknownEntityError.self) { try await fixture.store.resolve("ganja") }
        #expect(try await fixture.store.changes(after: 1).isEmpty)
    }
}

extension GraphWriteTests {
    @Test func upsertReplacesAStoredRecordAndLogsAnUpdate() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let renamed = try self.record(
            #"{"record":"entity","id":"state-migration-service","kind":"organisation","name":"State Migration Service of Azerbaijan","aliases":["DMX"],\#(self.citation)}"#
        )
        let report = try await fixture.live.write(upserts: [renamed], retractions: [])
        #expect(report.revision == 2)
        #expect(report.updated == 1)
        #expect(try await fixture.store.resolve("DMX").id == "state-migration-service")
        await #expect(throws: UnknownEntityError.self) { try await fixture.store.resolve("SMS") }
        let detail = try await fixture.store.run(EntityQuery(id: "state-migration-service"))
        #expect(detail.entity.ref.name == "State Migration Service of Azerbaijan")
        #expect(detail.relations.count == 2)
        #expect(detail.entity.citations == [Citation(doc: "doc-b.txt", first: 3, last: 4)])
        let search = try await fixture.store.run(SearchQuery(text: "Azerbaijan", kinds: [.organisation]))
        #expect(Set(search.results.map(\.entity.id)) == ["state-migration-service", "milli-majlis"])
        #expect(
            try await fixture.store.changes(after: 1) == [
                GraphChange(revision: 2, kind: .entity, id: "state-migration-service", op: .update)
            ]
        )
    }

    @Test func retractionsRemoveRecordsButNeverLeaveDanglingReferences() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let store = fixture.store
        let live = fixture.live
        let stillUsed = await #expect(throws: GraphError.self) {
            try await live.write(upserts: [], retractions: ["baku"])
        }
        #expect(
            stillUsed
                == .refusedRetraction(
                    index: 0,
                    reason: .stillReferenced(kind: .entity, id: "baku", by: "relation \"baku--located_in--azerbaijan\"")
                )
        )
        let unknown = await #expect(throws: GraphError.self) {
            try await live.write(upserts: [], retractions: ["atlantis"])
        }
        #expect(unknown == .refusedRetraction(index: 0, reason: .unknownRecord(id: "atlantis")))
        #expect(try await store.revision() == 1)
        let report = try await live.write(upserts: [], retractions: ["baku--located_in--azerbaijan", "baku"])
        #expect(report.revision == 2)
        #expect(report.deleted == 2)
        await #expect(throws: UnknownEntityError.self) { try await store.run(EntityQuery(id: "baku")) }
        #expect(try await store.run(StatsQuery()).counts.relations == 12)
        let changes = try await store.changes(after: 1)
        #expect(changes.map(\.op) == [.delete, .delete])
        #expect(Set(changes.map(\.id)) == ["baku", "baku--located_in--azerbaijan"])
        let event = await #expect(throws: GraphError.self) {
            try await live.write(upserts: [], retractions: ["germany"])
        }
        guard case .refusedRetraction(0, .stillReferenced(.entity, "germany", _))? = event else {
            Issue.record("expected germany to be still referred to, got \(String(describing: event))")
            return
        }
        #expect(try await store.run(StatsQuery()).counts.entities == 12)
    }
}
