import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

@testable import ChronoStore

@Suite(.heavy, .timeLimit(.minutes(1))) struct HistoryTests {
    @Test func graphAtAnEarlierRevisionIsRebuiltFromTheChangeLog() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let start = try await fixture.live.store.revision()
        _ = try await fixture.live.write(
            upserts: [LiveFixture.entityRecord(3, summary: "Later.")],
            retractions: ["event-001"]
        )
        let past = try await fixture.live.reader(atRevision: start)
        let entity = try await past.run(EntityQuery(id: "entity-003"), deadline: nil)
        let event = try await past.run(EntityQuery(id: "entity-001"), deadline: nil)
        #expect(entity.entity.summary == "Generated entity 3.")
        #expect(entity.revision == start)
        #expect(event.events.contains { $0.id == "event-001" })
        let future = await #expect(throws: GraphError.self) { try await fixture.live.reader(atRevision: start + 5) }
        #expect(future == .revisionInFuture(revision: start + 5, current: start + 1))
    }

    @Test func historyWithoutEarlierFormsIsOutOfRangeNotGuessed() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let start = try await fixture.live.store.revision()
        // A commit that logged an update without its earlier form (as schema version 1 logged every change).
        try await fixture.live.store.writer.run(deadline: nil) { connection, _ in
            try connection.transaction { connection in
                let revision = try GraphStore.revision(connection) + 1
                try connection.cached("INSERT INTO changes(revision, kind, id, op) VALUES (?, ?, ?, 'update')")
                    .run([.integer(revision), .text("entity"), .text(LiveFixture.entity(3))])
                try connection.cached("UPDATE meta SET value = ? WHERE key = 'revision'").run([.integer(revision)])
            }
        }
        let error = await #expect(throws: GraphError.self) { try await fixture.live.reader(atRevision: start) }
        #expect(error == .changeWithoutEarlierForm(kind: .entity, id: LiveFixture.entity(3), revision: start + 1))
    }
}
