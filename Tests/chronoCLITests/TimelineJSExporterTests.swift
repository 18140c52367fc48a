import ChronoProtocol
import Testing

@testable import ChronoCLI

@Suite("TimelineJSExporter: TimelineJS3 JSON")
struct TimelineJSExporterTests {
    @Test("every placeable event has start_date, text, group and display_date; undated ones are reported")
    func requiredFields() throws {
        let result = try Fixtures.result("timeline")
        let (document, skipped) = TimelineJSExporter.export(events: result.list("events"), title: "T")
        let events = document.list("events")
        #expect(events.count == result.list("events").count - 1)
        #expect(skipped == ["undated-talks"])
        for event in events {
            #expect(event["start_date"]?["year"]?.intValue != nil)
            #expect(!(event["text"]?.text("headline").isEmpty ?? true))
            #expect(event["text"]?["text"]?.stringValue != nil)
            #expect(event["group"]?.stringValue != nil)
            #expect(event["display_date"]?.stringValue != nil)
        }
        #expect(document["title"]?["text"]?.text("headline") == "T")
    }

    @Test("dates follow their precision; spans get an end_date; the uncertain date is shown as written")
    func dates() throws {
        let result = try Fixtures.result("timeline")
        let events = TimelineJSExporter.export(events: result.list("events"), title: "T").document.list("events")
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.text("unique_id"), $0) })
        let germany = try #require(byID["2007-germany-requests-return-of-migrants"])
        #expect(germany["start_date"] == ["year": 2007])
        #expect(germany["end_date"] == nil)
        #expect(germany.text("display_date") == "early 2007 (2007~)")
        #expect(germany.text("group") == "request")
        let arrivals = try #require(byID["2000-2011-arrivals-for-permanent-residence"])
        #expect(arrivals["start_date"] == ["year": 2000])
        #expect(arrivals["end_date"] == ["year": 2011])
        #expect(byID["2011-04-rahimov-statement-on-readmission"]?["start_date"] == ["year": 2011, "month": 4])
        #expect(byID["2013-readmission-agreement-signed"]?["start_date"] == ["year": 2013, "month": 11, "day": 29])
    }

    @Test("the slide text escapes HTML and lists participants and sources")
    func slideText() throws {
        let result = try Fixtures.result("timeline")
        let events = TimelineJSExporter.export(events: result.list("events"), title: "T").document.list("events")
        let text = events.first { $0.text("unique_id") == "2007-germany-requests-return-of-migrants" }?["text"]?.text(
            "text"
        )
        #expect(text?.contains("&lt;urgently&gt; &amp; formally") == true)
        #expect(text?.contains("Participants: Germany, Azerbaijan") == true)
        #expect(text?.contains("Sources: 000:49-54") == true)
    }
}
