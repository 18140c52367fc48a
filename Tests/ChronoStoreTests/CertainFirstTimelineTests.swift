import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoStore

@Suite("Timeline windows list the certain events before the possible ones")
struct CertainFirstTimelineTests {
    @Test func openEndedEventsComeAfterTheCertainOnes() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let from = try EDTFDate("2012")
        let to = try EDTFDate("2014")
        let page = try await fixture.store.run(TimelineQuery(from: from, to: to))
        #expect(page.window.mode == .certainFirst)
        // 2011/.. is open-ended: it may overlap 2012–2014 but is not certainly inside it.
        #expect(
            page.events.map(\.id) == [
                "2013-07-02-migration-code-adopted", "2014-09-01-readmission-in-force", "2011-sms-permits",
            ]
        )
        #expect(page.events.map(\.group) == [.certain, .certain, .possible])
        #expect(page.ordering.hasPrefix("events certainly inside the window first"))
        let overlaps = try await fixture.store.run(TimelineQuery(from: from, to: to, mode: .overlaps))
        #expect(overlaps.events.first?.id == "2011-sms-permits")
        #expect(overlaps.events.allSatisfy { $0.group == nil })
        let within = try await fixture.store.run(TimelineQuery(from: from, to: to, mode: .within))
        #expect(within.events.map(\.id) == ["2013-07-02-migration-code-adopted", "2014-09-01-readmission-in-force"])
    }

    @Test func aMonthShowsItsOwnEventsFirstAndPagesAcrossTheGroups() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let march = try EDTFDate("2007-03")
        let expected = ["2007-03-germany-talks", "2007-03-19-decree-signed", "2007-germany-requests-return"]
        #expect(try await fixture.store.run(TimelineQuery(from: march, to: march)).events.map(\.id) == expected)
        var paged: [String] = []
        var groups: [TimelineGroup?] = []
        var cursor: String?
        repeat {
            let page = try await fixture.store.run(TimelineQuery(from: march, to: march, limit: 1, cursor: cursor))
            paged += page.events.map(\.id)
            groups += page.events.map(\.group)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(paged == expected)
        #expect(groups == [.certain, .certain, .possible])
    }
}
