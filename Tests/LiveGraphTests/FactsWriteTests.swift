import ChronoGraph
import ChronoProtocol
import ChronoServer
import ChronoStore
import ChronoTesting
import Testing

@Suite(.heavy, .timeLimit(.minutes(1))) struct FactsWriteTests {
    @Test func writeCommitsOneRevisionAndIsVisibleToReads() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let before = try await fixture.live.store.revision()
        let report = try await fixture.live.write(
            upserts: [
                LiveFixture.eventRecord("event-new", year: 2001, title: "Brand new", agent: 1, target: 2),
                LiveFixture.entityRecord(4, summary: "Rewritten summary."),
            ],
            retractions: ["event-000"]
        )
        #expect(report.revision == before + 1)
        #expect(report.inserted == 1)
        #expect(report.updated == 1)
        #expect(report.deleted == 1)
        let entity = try await fixture.live.store.run(EntityQuery(id: "entity-004"))
        #expect(entity.entity.summary == "Rewritten summary.")
        #expect(entity.revision == before + 1)
    }

    @Test func unreadableUpsertAndEmptyWriteNameTheirFieldOnTheWire() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let before = try await fixture.live.store.revision()
        let unreadable = await #expect(throws: GraphError.self) {
            try await fixture.live.write(
                upserts: [LiveFixture.entityRecord(4, summary: "Fine."), ["record": 7]],
                retractions: []
            )
        }
        #expect(
            unreadable
                == .unreadableUpsert(
                    index: 1,
                    field: JSONFieldError(path: "record", message: "expected a string, got 7")
                )
        )
        #expect(unreadable?.status == .invalidArgument("params.upserts[1].record: expected a string, got 7"))
        let empty = await #expect(throws: GraphError.self) {
            try await fixture.live.write(upserts: [], retractions: [])
        }
        #expect(empty?.status == .invalidArgument("params: a write needs at least one upsert or retraction"))
        #expect(try await fixture.live.store.revision() == before)
    }

    @Test func invalidUpsertNamesTheFieldAndChangesNothing() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let before = try await fixture.live.store.revision()
        var bad = LiveFixture.eventRecord("event-bad", year: 2001, title: "Bad", agent: 1, target: 2)
        if case .object(var object) = bad {
            object["participants"] = [["entity": "nobody", "role": "agent"]]
            bad = .object(object)
        }
        let error = await #expect(throws: GraphError.self) {
            try await fixture.live.write(
                upserts: [LiveFixture.eventRecord("event-ok", year: 2001, title: "Ok", agent: 1, target: 2), bad],
                retractions: []
            )
        }
        #expect(error?.status.code == .invalidArgument)
        #expect(error?.status.message.hasPrefix("params.upserts[1].participants[0].entity: unknown entity") == true)
        #expect(try await fixture.live.store.revision() == before)
        let missing = await #expect(throws: UnknownEntityError.self) {
            try await fixture.live.store.run(EntityQuery(id: "event-ok"))
        }
        #expect(missing?.status.code == .notFound)
    }

    @Test func retractingAReferencedEntityIsRefused() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let before = try await fixture.live.store.revision()
        let error = await #expect(throws: GraphError.self) {
            try await fixture.live.write(upserts: [], retractions: ["entity-001"])
        }
        guard case .refusedRetraction(0, .stillReferenced(.entity, "entity-001", _))? = error else {
            Issue.record("expected entity-001 to be still referred to, got \(String(describing: error))")
            return
        }
        let unknown = await #expect(throws: GraphError.self) {
            try await fixture.live.write(upserts: [], retractions: ["no-such-record"])
        }
        #expect(unknown == .refusedRetraction(index: 0, reason: .unknownRecord(id: "no-such-record")))
        #expect(try await fixture.live.store.revision() == before)
    }

    @Test func aListenerWokenByACommitReadsThatCommit() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        // The store keeps this neighbourhood whole, and the writes below change none of it, so it answers at the
        // revision the store's writer last learned, without reading the file.
        let kept = NeighborsQuery(id: LiveFixture.entity(0))
        _ = try await fixture.live.store.run(kept)
        for write in 0..<50 {
            let commits = fixture.live.commits.listen()
            let listener = Task { () -> (announced: Int64, read: Int64)? in
                for await revision in commits { return (revision, try await fixture.live.store.run(kept).revision) }
                return nil
            }
            let report = try await fixture.live.write(
                upserts: [LiveFixture.entityRecord(12, summary: "Rewritten \(write).")],
                retractions: []
            )
            let seen = try #require(try await listener.value)
            #expect(seen.announced == report.revision)
            #expect(seen.read >= seen.announced)
        }
    }

    @Test func upsertThatChangesNothingIsNotLoggedAsAChange() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let snapshot = try await fixture.live.createSnapshot()
        let report = try await fixture.live.write(upserts: [LiveFixture.entityRecord(3)], retractions: [])
        #expect(report.updated == 0)
        let diff = try await fixture.live.diff(from: snapshot.id, to: nil)
        #expect(diff.added.isEmpty && diff.removed.isEmpty && diff.changed.isEmpty)
    }
}
