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
        let relationsOnly = try await fixture.store.paths(PathsQuery(from: "IDPs", to: "Baku"))
        #expect(relationsOnly.paths.isEmpty)
        let result = try await fixture.store.paths(PathsQuery(from: "IDPs", to: "Baku", throughEvents: true))
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
        let relations = try await fixture.store.paths(PathsQuery(from: "germany", to: "azerbaijan", k: 3))
        #expect(relations.paths.allSatisfy { path in path.hops.allSatisfy { $0.event == nil } })
        let events = try await fixture.store.paths(
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
