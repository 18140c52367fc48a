import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoStore

@Suite("Disputes, figures and stats on the fixture graph")
struct ListingTests {
    @Test func listsAndFiltersDisputes() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let all = try await fixture.store.run(DisputesQuery())
        #expect(all.disputes.map(\.id) == ["date-of-readmission-talks", "number-of-idps"])
        let idps = try await fixture.store.run(DisputesQuery(subject: "IDPs"))
        #expect(idps.disputes.map(\.id) == ["number-of-idps"])
        #expect(idps.disputes.first?.subject?.id == "idps")
        #expect(idps.disputes.first?.claims.map(\.claim) == ["about 600,000", "over 700,000"])
        #expect(idps.disputes.first?.claims[1].citations.first?.ref == "Report 2009, p. 3")
        let event = try await fixture.store.run(DisputesQuery(subject: "2007-03-germany-talks"))
        #expect(event.disputes.map(\.id) == ["date-of-readmission-talks"])
        #expect(event.disputes.first?.subject == nil)
        let text = try await fixture.store.run(DisputesQuery(text: "700,000"))
        #expect(text.disputes.map(\.id) == ["number-of-idps"])
        #expect(try await fixture.store.run(DisputesQuery(limit: 1)).disputes.count == 1)
    }

    @Test func listsAndFiltersFigures() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let all = try await fixture.store.run(FiguresQuery())
        #expect(all.figures.map(\.id) == ["idps-2009", "labour-migrants-1990s", "returnees-2014"])
        let window = try await fixture.store.run(FiguresQuery(from: try EDTFDate("2005"), to: try EDTFDate("2010")))
        #expect(window.figures.map(\.id) == ["idps-2009"])
        #expect(window.figures.first?.value == 600_000)
        #expect(window.figures.first?.qualifier == .about)
        let subject = try await fixture.store.run(FiguresQuery(subject: "Azerbaijan"))
        #expect(subject.figures.map(\.id) == ["labour-migrants-1990s"])
        #expect(try await fixture.store.run(FiguresQuery(text: "displaced")).figures.map(\.id) == ["idps-2009"])
        #expect(try await fixture.store.run(FiguresQuery(text: "people")).figures.count == 3)
    }

    @Test func countsEverything() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let stats = try await fixture.store.run(StatsQuery())
        #expect(
            stats.counts
                == StatsCounts(
                    entities: 13,
                    actors: 9,
                    instruments: 4,
                    events: 11,
                    relations: 13,
                    disputes: 2,
                    figures: 3,
                    citations: 44,
                    documents: 2
                )
        )
        #expect(stats.byKind["state"] == 2)
        #expect(stats.byKind["international_organisation"] == 1)
        #expect(stats.byKind.values.reduce(0, +) == 13)
        #expect(stats.byDocument == ["doc-a.txt": 31, "doc-b.txt": 13])
        #expect(stats.revision == 1)
        #expect(stats.schemaVersion == Schema.version)
        #expect(Schema.version == 10)
    }
}
