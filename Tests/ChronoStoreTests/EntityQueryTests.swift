import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoStore

@Suite("Entity lookup and search on the fixture graph")
struct EntityQueryTests {
    @Test func getsAnEntityByAliasWithItsSurroundings() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let detail = try await fixture.store.run(EntityQuery(id: "sms"))
        #expect(detail.entity.ref.id == "state-migration-service")
        #expect(detail.entity.aliases == ["SMS"])
        #expect(
            detail.relations.map(\.id) == [
                "decree-2007-03-19--established--state-migration-service",
                "state-migration-service--part_of--azerbaijan",
            ]
        )
        #expect(detail.neighbors.map(\.id) == ["azerbaijan", "decree-2007-03-19"])
        #expect(detail.events.map(\.id) == ["2011-sms-permits"])
        #expect(detail.figures.isEmpty)
        let idps = try await fixture.store.run(EntityQuery(id: "Internally Displaced Persons"))
        #expect(idps.figures.map(\.id) == ["idps-2009"])
        #expect(idps.events.map(\.id) == ["idps-registered-until-1995", "1992-conflict-displacement"])
    }

    @Test func resolvesNamesIgnoringCaseDiacriticsAndQuotes() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        #expect(try await fixture.store.resolve("law “on immigration”").id == "law-on-immigration-1998")
        #expect(try await fixture.store.resolve("Azerbaycan").id == "azerbaijan")
        let law = try await fixture.store.run(EntityQuery(id: "law-on-immigration-1998")).entity
        #expect(law.number == "No. 592-IQ")
        #expect(law.dates["adopted"]?.text == "22 December 1998")
        #expect(law.dates["adopted"]?.edtf.strict.lower == Day(year: 1998, month: 12, day: 22))
    }

    @Test func reportsUnknownAndAmbiguousNames() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let missing = await #expect(throws: UnknownEntityError.self) {
            try await fixture.store.run(EntityQuery(id: "nobody at all"))
        }
        #expect(missing?.role == .asked)
        #expect(missing?.name == "nobody at all")
        let ambiguous = await #expect(throws: AmbiguousEntityError.self) {
            try await fixture.store.run(EntityQuery(id: "ALIYEV"))
        }
        #expect(ambiguous?.candidates.map(\.id) == ["heydar-aliyev", "ilham-aliyev"])
    }

    @Test func searchRanksExactMatchesFirstThenText() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let sms = try await fixture.store.run(SearchQuery(text: "SMS"))
        #expect(sms.results.first?.entity.id == "state-migration-service")
        #expect(sms.results.first?.matched == .alias)
        let migration = try await fixture.store.run(SearchQuery(text: "migration"))
        #expect(
            Set(migration.results.map(\.entity.id)) == [
                "state-migration-service", "decree-2007-03-19", "migration-code",
            ]
        )
        #expect(migration.results.allSatisfy { $0.matched == .text })
        #expect(migration.results.map(\.score) == migration.results.map(\.score).sorted(by: >))
        let code = try await fixture.store.run(SearchQuery(text: "Migration Code"))
        #expect(code.results.first?.entity.id == "migration-code")
        #expect(code.results.first?.matched == .name)
    }

    @Test func searchFallsBackToNearSpellingsAndFiltersKinds() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let misspelt = try await fixture.store.run(SearchQuery(text: "Aliyv"))
        #expect(Set(misspelt.results.map(\.entity.id)) == ["heydar-aliyev", "ilham-aliyev"])
        #expect(misspelt.results.allSatisfy { $0.matched == .fuzzy })
        let germny = try await fixture.store.run(SearchQuery(text: "Germny"))
        #expect(germny.results.map(\.entity.id) == ["germany"])
        let people = try await fixture.store.run(SearchQuery(text: "Germany", kinds: [.person]))
        #expect(people.results.isEmpty)
        let syntax = try await fixture.store.run(SearchQuery(text: "\"migration\" {code}*"))
        #expect(syntax.results.first?.entity.id == "migration-code")
    }
}
