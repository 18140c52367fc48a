import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoStore

@Suite("Forgiving name resolution on the fixture graph")
struct NameResolutionTests {
    @Test func resolvesCaseSuffixTransliterationAndInitialVariants() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let store = fixture.store
        #expect(try await store.resolve("state MIGRATION service").id == "state-migration-service")
        #expect(try await store.resolve("Milli Majlis of the Republic of Azerbaijan").id == "milli-majlis")
        #expect(try await store.resolve("the Parliament").id == "milli-majlis")
        #expect(try await store.resolve("Ilkham Aliev").id == "ilham-aliyev")
        #expect(try await store.resolve("H. Aliyev").id == "heydar-aliyev")
        #expect(try await store.resolve("Migration Servce").id == "state-migration-service")
        #expect(try await store.resolve("readmission agreement EU").id == "readmission-agreement-eu")
    }

    @Test func ambiguousNamesListTheirCandidates() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        for name in ["Aliyev", "Aliev"] {
            let error = await #expect(throws: AmbiguousEntityError.self) { try await fixture.store.resolve(name) }
            #expect(error?.candidates.map(\.id) == ["heydar-aliyev", "ilham-aliyev"])
            #expect(error?.role == .asked)
        }
    }

    @Test func unknownNamesSuggestTheNearest() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let near = await #expect(throws: UnknownEntityError.self) {
            try await fixture.store.resolve("Migration Ministry", as: .pathStart)
        }
        let suggested = Set(near?.suggestions.map(\.id) ?? [])
        #expect(suggested.isSuperset(of: ["migration-code", "state-migration-service"]))
        #expect(near?.role == .pathStart)
        #expect(near?.name == "Migration Ministry")
        // A lone misspelt word is a suggestion, never an answer.
        let typo = await #expect(throws: UnknownEntityError.self) { try await fixture.store.resolve("Germny") }
        #expect(typo?.suggestions.first?.id == "germany")
        let none = await #expect(throws: UnknownEntityError.self) { try await fixture.store.resolve("xylophone") }
        #expect(none?.suggestions.isEmpty == true)
    }
}

@Suite("Answers say which entity a name resolved to")
struct ResolvedNameTests {
    @Test func aTimelineNamesTheEntitiesItsFiltersResolvedTo() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let page = try await fixture.store.run(
            TimelineQuery(actors: ["Ilkham Aliev"], instruments: ["decree-2007-03-19"])
        )
        #expect(page.events.map(\.id) == ["2007-03-19-decree-signed"])
        // The id needs no saying; the transliterated name does.
        #expect(page.resolved.map(\.given) == ["Ilkham Aliev"])
        #expect(page.resolved.map(\.entity.id) == ["ilham-aliyev"])
        let byID = try await fixture.store.run(TimelineQuery(actors: ["ilham-aliyev"]))
        #expect(byID.resolved.isEmpty)
        #expect(try EventNeighborhoodTests.wire(byID)["resolved"] == nil)
        #expect(try EventNeighborhoodTests.wire(page)["resolved"]?.arrayValue?.count == 1)
    }

    @Test func disputesAndFiguresNameTheirSubject() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let disputes = try await fixture.store.run(DisputesQuery(subject: "IDPs"))
        #expect(
            disputes.resolved == [ResolvedName(given: "IDPs", entity: try #require(disputes.disputes.first?.subject))]
        )
        let byEvent = try await fixture.store.run(DisputesQuery(subject: "2007-03-germany-talks"))
        #expect(byEvent.resolved.isEmpty)
        let figures = try await fixture.store.run(FiguresQuery(subject: "AZERBAIJAN"))
        #expect(figures.figures.map(\.id) == ["labour-migrants-1990s"])
        #expect(figures.resolved.map(\.entity.id) == ["azerbaijan"])
    }
}
