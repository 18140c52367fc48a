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
            #expect(error?.status.code == .invalidArgument)
        }
    }

    @Test func unknownNamesSuggestTheNearest() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let near = await #expect(throws: UnknownEntityError.self) {
            try await fixture.store.resolve("Migration Ministry", field: "params.from")
        }
        let suggested = Set(near?.suggestions.map(\.id) ?? [])
        #expect(suggested.isSuperset(of: ["migration-code", "state-migration-service"]))
        #expect(near?.status.code == .notFound)
        #expect(near?.status.message.hasPrefix("params.from: no entity") == true)
        #expect(near?.status.message.contains("did you mean") == true)
        // A lone misspelt word is a suggestion, never an answer.
        let typo = await #expect(throws: UnknownEntityError.self) { try await fixture.store.resolve("Germny") }
        #expect(typo?.suggestions.first?.id == "germany")
        let none = await #expect(throws: UnknownEntityError.self) { try await fixture.store.resolve("xylophone") }
        #expect(none?.suggestions.isEmpty == true)
    }
}
