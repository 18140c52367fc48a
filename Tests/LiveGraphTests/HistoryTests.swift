import ChronoGraph
import ChronoProtocol
import ChronoStore
import Testing

@Suite(.timeLimit(.minutes(1))) struct HistoryTests {
    @Test func graphAtAnEarlierRevisionIsRebuiltFromTheChangeLog() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let start = try await fixture.live.store.revision()
        _ = try await fixture.live.write(
            upserts: [LiveFixture.entityRecord(3, summary: "Later.")],
            retractions: ["event-001"]
        )
        let past = try await fixture.live.store(atRevision: start)
        let entity = try await past.entity("entity-003")
        let event = try await past.entity("entity-001")
        #expect(entity.entity.summary == "Generated entity 3.")
        #expect(entity.revision == start)
        #expect(event.events.contains { $0.id == "event-001" })
        let future = await #expect(throws: ChronoError.self) { try await fixture.live.store(atRevision: start + 5) }
        #expect(future?.code == .outOfRange)
    }

    @Test func historyWithoutEarlierFormsIsOutOfRangeNotGuessed() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let start = try await fixture.live.store.revision()
        let record = try GraphRecordParser().parse(LiveFixture.entityRecord(3, summary: "Written around the log."))
        _ = try await fixture.live.store.write(
            upserts: [LocatedRecord(record: record, file: "test", line: 1)],
            retractions: []
        )
        let error = await #expect(throws: ChronoError.self) { try await fixture.live.store(atRevision: start) }
        #expect(error?.code == .outOfRange)
        #expect(error?.message.contains("resync") == true)
    }
}
