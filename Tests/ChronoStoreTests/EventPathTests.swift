import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoStore

@Suite("Paths through events on the fixture graph")
struct EventPathTests {
    @Test func aPathRunsThroughAnEventWithItsCitations() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        // The displaced persons have no relation at all: only an event connects them to the state.
        let relationsOnly = try await fixture.store.run(PathsQuery(from: "IDPs", to: "Baku"))
        #expect(relationsOnly.paths.isEmpty)
        let result = try await fixture.store.run(PathsQuery(from: "IDPs", to: "Baku", throughEvents: true))
        let path = try #require(result.paths.first)
        #expect(path.nodes.map(\.id) == ["idps", "azerbaijan", "baku"])
        let first = try #require(path.hops.first)
        #expect(first.event?.id == "1992-conflict-displacement")
        #expect(first.edge == nil)
        #expect(!first.citations.isEmpty && first.citations == first.event?.citations)
        #expect(path.hops[1].edge?.id == "baku--located_in--azerbaijan")
        #expect(path.hops[1].forward == false)
    }

    @Test func eventPathsFollowTheRelationPathsOnlyWhenAsked() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let relations = try await fixture.store.run(PathsQuery(from: "germany", to: "azerbaijan", k: 3))
        #expect(relations.paths.allSatisfy { path in path.hops.allSatisfy { $0.event == nil } })
        let events = try await fixture.store.run(
            PathsQuery(from: "germany", to: "azerbaijan", k: 3, throughEvents: true)
        )
        // The relation paths first, unchanged; then the shortest paths through events.
        #expect(events.paths.first == relations.paths.first)
        #expect(events.paths.count == 3)
        #expect(events.paths.map(\.length) == [1, 1, 1])
        #expect(events.paths.dropFirst().allSatisfy { path in path.hops.contains { $0.event != nil } })
        #expect(
            Set(events.paths.compactMap { $0.hops.first?.event?.id }) == [
                "2007-03-germany-talks", "2007-germany-requests-return",
            ]
        )
    }
}

@Suite("Neighbourhoods through events on the fixture graph")
struct EventNeighborhoodTests {
    @Test func anEventConnectsItsParticipantsWithItsCitations() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        // The displaced persons have no relation: only the 1992 displacement connects them to the state.
        let relationsOnly = try await fixture.store.run(NeighborsQuery(id: "IDPs"))
        #expect(relationsOnly.nodes.isEmpty)
        #expect(relationsOnly.events == nil)
        let result = try await fixture.store.run(NeighborsQuery(id: "IDPs", throughEvents: true))
        #expect(result.nodes.map(\.entity.id) == ["azerbaijan"])
        #expect(result.edges.isEmpty)
        let event = try #require(result.events?.first)
        #expect(result.events?.count == 1)
        #expect(event.id == "1992-conflict-displacement")
        #expect(event.citations.first?.doc == "doc-a.txt")
        #expect(Set(event.participants.map(\.entity.id)) == ["idps", "azerbaijan"])
    }

    @Test func eventsOutsideTheWindowConnectNobody() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let before = try await fixture.store.run(
            NeighborsQuery(id: "idps", from: try EDTFDate("1980"), to: try EDTFDate("1985"), throughEvents: true)
        )
        #expect(before.nodes.isEmpty)
        #expect(before.events == [])
        let during = try await fixture.store.run(
            NeighborsQuery(id: "idps", from: try EDTFDate("1993"), to: try EDTFDate("1993"), throughEvents: true)
        )
        #expect(during.events?.map(\.id) == ["1992-conflict-displacement"])
    }

    @Test func theWireFormListsEventsOnlyWhenAsked() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let plain = try Self.wire(try await fixture.store.run(NeighborsQuery(id: "idps")))
        #expect(plain["events"] == nil)
        let through = try Self.wire(try await fixture.store.run(NeighborsQuery(id: "idps", throughEvents: true)))
        #expect(through["events"]?.arrayValue?.count == 1)
    }

    /// The wire form of `value`, parsed back.
    static func wire(_ value: some WireEncodable) throws -> JSONValue {
        var writer = WireWriter()
        try value.write(to: &writer)
        return try JSONParser.parse(String(decoding: writer.bytes, as: UTF8.self), maximumDepth: 64)
    }
}
