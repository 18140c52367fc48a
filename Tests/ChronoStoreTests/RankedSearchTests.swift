import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoStore

@Suite("Ranked search over every record kind on the fixture graph")
struct RankedSearchTests {
    private func ids(_ store: GraphStore, _ text: String, kinds: [String] = []) async throws -> [String] {
        try await store.run(RecordSearchQuery(text: text, kinds: kinds)).results.map(\.id)
    }

    @Test func stemmingMatchesOtherFormsOfAWord() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        // "deportations" and "deportation", "adopted" and "adopts" share their stems.
        #expect(try await self.ids(fixture.store, "deportations").first == "2007-germany-requests-return")
        let adopted = try await self.ids(fixture.store, "adopted", kinds: ["event"])
        #expect(Set(adopted) == ["1998-12-22-law-on-immigration-adopted", "2013-07-02-migration-code-adopted"])
    }

    @Test func relaxationRanksRecordsHoldingMoreWordsFirst() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let results = try await fixture.store.run(
            RecordSearchQuery(text: "what were the talks with Germany about readmission of unicorns")
        ).results
        #expect(results.first?.id == "2007-03-germany-talks")
        #expect(results.first?.matched == ["talks", "germany", "readmission"])
        #expect(results.map(\.matched.count) == results.map(\.matched.count).sorted(by: >))
        #expect(results.contains { $0.id == "2007-01-eu-visa-talks" })
    }

    @Test func theLastWordMatchesAsAPrefix() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let results = try await self.ids(fixture.store, "readmiss")
        #expect(results.contains("readmission-agreement-eu"))
        #expect(results.contains("2014-09-01-readmission-in-force"))
        #expect(try await self.ids(fixture.store, "readmiss agreement").first == "readmission-agreement-eu")
    }

    @Test func namesForgiveTyposAndTransliterations() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let germny = try await fixture.store.run(RecordSearchQuery(text: "Germny")).results
        #expect(germny.first?.id == "germany")
        #expect(try await self.ids(fixture.store, "Ilkham Aliev").first == "ilham-aliyev")
        // Four letters have no typo budget: nothing is invented for them.
        #expect(try await self.ids(fixture.store, "Bakx").isEmpty)
    }

    @Test func resultsMixKindsWithSnippetsDatesAndCitations() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let results = try await fixture.store.run(RecordSearchQuery(text: "readmission")).results
        #expect(Set(results.map(\.kind)).isSuperset(of: ["entity", "event"]))
        let event = try #require(results.first { $0.id == "2014-09-01-readmission-in-force" })
        #expect(event.snippet.contains("**Readmission**"))
        #expect(event.date?.edtf.edtf == "2014-09-01")
        #expect(!event.citations.isEmpty)
        let people = try await self.ids(fixture.store, "Aliyev", kinds: ["person"])
        #expect(Set(people) == ["heydar-aliyev", "ilham-aliyev"])
    }

    @Test func windowDocumentAndCursorNarrowAndPage() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let window = try await fixture.store.run(
            RecordSearchQuery(text: "parliament adopts", from: try EDTFDate("2010"), to: try EDTFDate("2014"))
        ).results
        #expect(window.map(\.id) == ["2013-07-02-migration-code-adopted"])
        let all = try await fixture.store.run(RecordSearchQuery(text: "migration", limit: 100)).results.map(\.id)
        var paged: [String] = []
        var cursor: String?
        repeat {
            let page = try await fixture.store.run(RecordSearchQuery(text: "migration", limit: 2, cursor: cursor))
            paged += page.results.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(paged == all)
        // Every indexed fixture record cites doc-a; doc-b is cited by relations only, none with a summary.
        let citedA = try await fixture.store.run(RecordSearchQuery(text: "migration", doc: "doc-a.txt", limit: 100))
        #expect(citedA.results.map(\.id) == all)
        let citedB = try await fixture.store.run(RecordSearchQuery(text: "migration", doc: "doc-b.txt", limit: 100))
        #expect(citedB.results.isEmpty)
    }
}

extension RankedSearchTests {
    /// Past the exhaustive bound, the ranking reads bounded scans and still ranks by words held, then fields.
    @Test func pastTheExhaustiveBoundRecordsHoldingMoreWordsAndNamesStillComeFirst() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let (bounded, exhaustive) = try await fixture.store.read(deadline: nil) { connection, context in
            var rows = SQLiteRows(connection: connection, context: context)
            let exhaustive = try GraphReader(rows: rows, context: context)
                .textMatches("talks Germany readmission", kinds: RecordSearchQuery.recordKinds)
            rows.exhaustiveSearchRows = 2
            let bounded = try GraphReader(rows: rows, context: context)
                .textMatches("talks Germany readmission", kinds: RecordSearchQuery.recordKinds)
            return (bounded, exhaustive)
        }
        #expect(exhaustive.count > 2)
        // Each of the two scans (every word; any word) reads at most two rows.
        #expect(bounded.count <= 4)
        // The records holding every word come first, the same ones as when all are ranked by BM25 (within
        // them, field weights stand in for BM25).
        let everyWord = { (matches: [TextMatch]) in Set(matches.filter { $0.matched.count == 3 }.map(\.id)) }
        #expect(everyWord(bounded) == everyWord(exhaustive))
        #expect(everyWord(bounded).contains("2007-03-germany-talks"))
        #expect(bounded.first?.matched == ["talks", "germany", "readmission"])
        #expect(bounded.map(\.matched.count) == bounded.map(\.matched.count).sorted(by: >))
    }
}
