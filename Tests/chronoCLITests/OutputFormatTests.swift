import ArgumentParser
import ChronoProtocol
import Foundation
import Testing

@testable import ChronoCLI

@Suite("Listings: table, JSON, NDJSON, CSV and Markdown from the same result")
struct OutputFormatTests {
    let plain = Terminal(isTTY: false, width: 100, colour: false)

    @Test("dates show the document's words with the EDTF form")
    func dateDisplay() {
        #expect(DateDisplay.text(["edtf": "2007~", "text": "early 2007"]) == "early 2007 (2007~)")
        #expect(DateDisplay.text(["edtf": "2010", "text": "2010"]) == "2010")
        #expect(DateDisplay.text(["edtf": "2011-04"]) == "2011-04")
        #expect(DateDisplay.text(nil) == "")
    }

    @Test("the default is a table on a terminal and NDJSON when piped")
    func defaults() throws {
        let options = try OutputOptions.parse([])
        #expect(options.resolved(for: Terminal(isTTY: true, width: 80, colour: true)) == .table)
        #expect(options.resolved(for: self.plain) == .ndjson)
    }

    @Test("timeline CSV reads back with one record per event and the ids, bounds and citations")
    func timelineCSV() throws {
        let result = try Fixtures.result("timeline")
        let (text, _) = try OutputWriter.render(TimelinePresenter.present(result), as: .csv, terminal: self.plain)
        let records = try CSVReader.read(text)
        let header = try #require(records.first)
        #expect(
            header == ["id", "date", "edtf", "lower", "upper", "type", "event", "who", "sources", "summary", "group"]
        )
        #expect(records.count == 1 + result.list("events").count)
        let germany = try #require(records.first { $0.first == "2007-germany-requests-return-of-migrants" })
        #expect(germany[1] == "early 2007 (2007~)")
        #expect(germany[3] == "2007-01-01")
        #expect(germany[7] == "Germany, Azerbaijan")
        #expect(germany[9].contains("\"almost 40 million euro a year\""), "quotes survive CSV quoting")
        let rahimov = try #require(records.first { $0.first == "2011-04-rahimov-statement-on-readmission" })
        #expect(rahimov[8] == "000:58-62, 001:40")
    }

    @Test("NDJSON writes one parseable event per line; JSON writes the whole result")
    func jsonForms() throws {
        let result = try Fixtures.result("timeline")
        let presentation = TimelinePresenter.present(result)
        let (ndjson, notes) = try OutputWriter.render(presentation, as: .ndjson, terminal: self.plain)
        let lines = ndjson.split(separator: "\n").map(String.init)
        #expect(try lines.map(Fixtures.parse) == result.list("events"))
        #expect(notes == ["more events follow: repeat with --cursor c2013-11-29"])
        let (json, _) = try OutputWriter.render(presentation, as: .json, terminal: self.plain)
        #expect(try Fixtures.parse(json) == result)
    }

    @Test("Markdown has a header, a separator and one escaped row per record")
    func markdown() throws {
        let result = try Fixtures.result("disputes")
        let (text, _) = try OutputWriter.render(DisputesPresenter.present(result), as: .markdown, terminal: self.plain)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0] == "| TOPIC | SUBJECT | CLAIM | SOURCES |")
        #expect(lines[1] == "| --- | --- | --- | --- |")
        #expect(lines[2].contains("about 600,000") && lines[2].contains("002:120-122"))
    }

    @Test("figures read as quantities: qualifier, grouped number, unit")
    func figures() throws {
        let presentation = FiguresPresenter.present(try Fixtures.result("figures"))
        let rows = presentation.table.forPeople.rows
        #expect(rows[0][0] == "Azerbaijani migrants (group)")
        #expect(rows[0][2] == "over 44,000 people")
        #expect(rows[0][3] == "from 1991 to 2006 (1991/2006)")
        #expect(rows[1][2] == "221 people")
        #expect(EntityLabel.number(.double(1432.6)) == "1,432.6")
        let range: JSONValue = ["value": 600_000, "high": 800_000, "qualifier": "about", "unit": "people"]
        #expect(FiguresPresenter.value(range) == "about 600,000–800,000 people")
    }

    @Test("stats and health become name/value rows")
    func statsAndHealth() throws {
        let stats = StatsPresenter.present(try Fixtures.result("stats")).table.rows
        #expect(stats.contains(["counts", "events", "90"]))
        #expect(stats.contains(["by kind", "person", "20"]))
        let health = StatsPresenter.presentHealth(try Fixtures.result("health")).table.forPeople.rows
        #expect(health == [["SERVING", "3", "1h 02m 03s"]])
    }

    @Test("an empty listing prints nothing on stdout and says so on stderr")
    func emptyTable() throws {
        let presentation = FindPresenter.present(["results": []])
        let (text, notes) = try OutputWriter.render(presentation, as: .table, terminal: self.plain)
        #expect(text.isEmpty)
        #expect(notes == ["no results"])
    }

    @Test("on a terminal a dispute's topic is shown once, above its claims; CSV repeats it on every claim")
    func disputesGrouped() throws {
        let presentation = DisputesPresenter.present(try Fixtures.result("disputes"))
        let view = try #require(presentation.view)
        let text = view(Terminal(isTTY: true, width: 120, colour: false))
        #expect(text.components(separatedBy: "how many IDPs Azerbaijan has").count == 2)
        #expect(text.contains("about 600,000") && text.contains("over 700,000"))
        let records = try CSVReader.read(CSVWriter.write(presentation.table))
        #expect(records.dropFirst().allSatisfy { $0[1] == "how many IDPs Azerbaijan has" })
    }
}
