import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Timeline queries on the fixture graph")
struct TimelineTests {
    static let allInOrder = [
        "idps-registered-until-1995", "1990s-labour-migration", "1992-conflict-displacement",
        "1998-12-22-law-on-immigration-adopted", "2007-01-eu-visa-talks", "2007-germany-requests-return",
        "2007-03-germany-talks", "2007-03-19-decree-signed", "2011-sms-permits",
        "2013-07-02-migration-code-adopted", "2014-09-01-readmission-in-force",
    ]

    private func ids(_ query: TimelineQuery) async throws -> [String] {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        return try await fixture.store.run(query).events.map(\.id)
    }

    @Test func ordersByLowerBoundThenPrecisionThenID() async throws {
        #expect(try await self.ids(TimelineQuery(limit: 500)) == Self.allInOrder)
    }

    @Test func overlapsUsesFuzzyBoundsAndWithinStrictOnes() async throws {
        let year2008 = try EDTFDate("2008")
        #expect(try await self.ids(TimelineQuery(from: year2008, to: year2008)) == ["2007-germany-requests-return"])
        #expect(try await self.ids(TimelineQuery(from: year2008, to: year2008, mode: .within)) == [])
        let within = TimelineQuery(from: try EDTFDate("2000"), to: try EDTFDate("2010"), mode: .within)
        #expect(
            try await self.ids(within) == [
                "2007-01-eu-visa-talks", "2007-germany-requests-return", "2007-03-germany-talks",
                "2007-03-19-decree-signed",
            ]
        )
    }

    @Test func openWindowEndsReachOpenEvents() async throws {
        #expect(
            try await self.ids(TimelineQuery(to: try EDTFDate("1991"))) == [
                "idps-registered-until-1995", "1990s-labour-migration",
            ]
        )
        #expect(
            try await self.ids(TimelineQuery(from: try EDTFDate("2012"), mode: .overlaps)) == [
                "2011-sms-permits", "2013-07-02-migration-code-adopted", "2014-09-01-readmission-in-force",
            ]
        )
    }

    @Test func filtersByActorNameWithDiacriticsAndByType() async throws {
        let azerbaijan = [
            "1990s-labour-migration", "1992-conflict-displacement", "2007-01-eu-visa-talks",
            "2007-germany-requests-return", "2007-03-germany-talks", "2014-09-01-readmission-in-force",
        ]
        #expect(try await self.ids(TimelineQuery(actors: ["azerbaijan"])) == azerbaijan)
        #expect(try await self.ids(TimelineQuery(actors: ["AZƏRBAYCAN"])) == azerbaijan)
        #expect(
            try await self.ids(TimelineQuery(actors: ["Germany"], instruments: [])) == [
                "2007-germany-requests-return", "2007-03-germany-talks",
            ]
        )
        #expect(
            try await self.ids(TimelineQuery(types: ["adoption"])) == [
                "1998-12-22-law-on-immigration-adopted", "2007-03-19-decree-signed",
                "2013-07-02-migration-code-adopted",
            ]
        )
        #expect(
            try await self.ids(TimelineQuery(actors: ["milli-majlis"], instruments: ["Migration Code"])) == [
                "2013-07-02-migration-code-adopted"
            ]
        )
    }

    @Test func filtersByTextWithPrefixes() async throws {
        #expect(try await self.ids(TimelineQuery(text: "deport")) == ["2007-germany-requests-return"])
        #expect(try await self.ids(TimelineQuery(text: "talks")) == ["2007-01-eu-visa-talks", "2007-03-germany-talks"])
        #expect(
            try await self.ids(TimelineQuery(text: "(\"talks*\":^")) == [
                "2007-01-eu-visa-talks", "2007-03-germany-talks",
            ]
        )
        // FTS5 syntax is read as words: no event holds all of them, so those holding most (one) are kept.
        #expect(
            try await self.ids(TimelineQuery(text: "talks OR NEAR(deport")) == [
                "2007-01-eu-visa-talks", "2007-germany-requests-return", "2007-03-germany-talks",
            ]
        )
    }

    @Test func cursorPagesThroughEveryEventOnce() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = try await fixture.store.run(TimelineQuery(limit: 2, cursor: cursor))
            seen += page.events.map(\.id)
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 20
        #expect(seen == Self.allInOrder)
        #expect(pages == 6)
    }

    @Test func rejectsMalformedCursorUnknownTypeAndAmbiguousActor() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        for cursor in ["!!!", "djF8eHx5fHo", ""] {
            let error = await #expect(throws: GraphError.self) {
                try await fixture.store.run(TimelineQuery(cursor: cursor))
            }
            #expect(error == .invalidCursor)
        }
        let type = await #expect(throws: GraphError.self) {
            try await fixture.store.run(TimelineQuery(types: ["adoption", "party"]))
        }
        #expect(type == .unknownTerm(section: .eventTypes, index: 1, value: "party"))
        let ambiguous = await #expect(throws: AmbiguousEntityError.self) {
            try await fixture.store.run(TimelineQuery(actors: ["germany", "Aliyev"]))
        }
        #expect(ambiguous?.role == .actor(1))
        #expect(ambiguous?.candidates.map(\.id) == ["heydar-aliyev", "ilham-aliyev"])
        let missing = await #expect(throws: UnknownEntityError.self) {
            try await fixture.store.run(TimelineQuery(instruments: ["no such law"]))
        }
        #expect(missing?.role == .instrument(0))
    }

    @Test func eventsCarryParticipantsCitationsAndTheWireShape() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let page = try await fixture.store.run(TimelineQuery(types: ["request"]))
        let event = try #require(page.events.first)
        #expect(event.participants.map(\.entity.id) == ["germany", "azerbaijan"])
        #expect(event.participants.map(\.role) == ["agent", "target"])
        #expect(event.participants.first?.entity.family == .actor)
        #expect(event.citations == [Citation(doc: "doc-a.txt", first: 30, last: 31)])
        #expect(page.revision == 1)
        let json = try #require(try wireForm(page).objectValue)
        #expect(json["ordering"] == .string(TimelinePage.certainFirstOrdering))
        #expect(json["events"]?.arrayValue?.first?["group"] == "certain")
        #expect(!json.keys.contains("next_cursor"))
        let date = try #require(json["events"]?.arrayValue?.first?["date"])
        #expect(date["edtf"] == "2007~")
        #expect(date["lower"] == "2007-01-01")
        #expect(date["fuzzy_lower"] == "2006-01-01")
        #expect(date["fuzzy_upper"] == "2008-12-31")
        #expect(date["approximate"] == true)
        let window = try #require(json["window"])
        #expect(window["mode"] == "certain_first")
        #expect(window["lower"] == .null)
    }
}
