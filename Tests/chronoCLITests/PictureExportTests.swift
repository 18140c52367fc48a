import ChronoProtocol
import Foundation
import Testing

@testable import ChronoCLI

@Suite("Pictures: self-contained SVG and HTML of timelines and graphs")
struct PictureExportTests {
    private func shapes(_ svg: String) throws -> [String: Int] {
        let check = try #require(XMLCheck.parse(svg), "the SVG is not well-formed XML")
        var classes: [String: Int] = [:]
        for element in check.elements {
            guard let name = element.attributes["class"] else { continue }
            classes[element.name + "." + name, default: 0] += 1
        }
        return classes
    }

    @Test("a timeline draws each dated event across its extent: a day as a point, spans as bars, margins faded")
    func timeline() throws {
        let presentation = TimelinePresenter.present(try Fixtures.result("timeline"))
        let svg = PictureExporter.svg(presentation)
        let shapes = try self.shapes(svg)
        // 2000/2011, 2007~, 2011-04 and 2013-11-29 are drawn; ".." has no extent to draw.
        #expect(shapes["g.event"] == 4)
        #expect(shapes["circle.point"] == 1, "the day 2013-11-29")
        #expect(shapes["rect.span"] == 3, "2000/2011, 2007~ and 2011-04")
        #expect(shapes["rect.margin"] == 2, "the two faded years either side of 2007~")
        #expect(svg.contains(">2010</text>"), "the axis labels its years")
        #expect(!svg.contains("http://") || svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test("an open end is an arrow to the edge")
    func openEnds() throws {
        let events: [JSONValue] = [
            ["id": "a", "title": "Since the late 1990s", "date": ["edtf": "199X/.."], "citations": []],
            ["id": "b", "title": "Until 1994", "date": ["edtf": "../1994"], "citations": []],
        ]
        let svg = PictureExporter.svg(Presentation(result: .null, table: Table(columns: []), events: events))
        let shapes = try self.shapes(svg)
        #expect(shapes["line.open-end"] == 1)
        #expect(shapes["line.open-start"] == 1)
    }

    @Test("a certain-first page draws the events only possibly in the period below a rule")
    func groups() throws {
        let events: [JSONValue] = [
            ["id": "a", "title": "In March", "date": ["edtf": "2007-03"], "group": "certain", "citations": []],
            ["id": "b", "title": "Since 1991", "date": ["edtf": "1991/.."], "group": "possible", "citations": []],
        ]
        let svg = PictureExporter.svg(Presentation(result: .null, table: Table(columns: []), events: events))
        let shapes = try self.shapes(svg)
        #expect(shapes["g.rule"] == 1)
        let rule = try #require(svg.range(of: "class=\"rule\""))
        #expect(svg[..<rule.lowerBound].contains("In March") && svg[rule.upperBound...].contains("Since 1991"))
    }

    @Test("a graph draws every entity and relation, labelled; HTML adds the table of sources")
    func graph() throws {
        let presentation = GraphPresenter.presentNeighbors(try Fixtures.result("neighbors"))
        let graph = try #require(presentation.graph)
        let svg = PictureExporter.svg(presentation)
        let shapes = try self.shapes(svg)
        #expect(shapes["g.entity"] == graph.nodes.count)
        #expect(shapes["g.relation"] == graph.edges.count)
        #expect(svg.contains("Agreement on readmission &lt;EU &amp; Azerbaijan&gt;"))
        let html = PictureExporter.html(presentation)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<svg "))
        #expect(html.components(separatedBy: "<tr><td>").count - 1 == graph.edges.count)
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"))
    }

    @Test("an HTML timeline lists each event with its date in words and its sources")
    func timelinePage() throws {
        let presentation = TimelinePresenter.present(try Fixtures.result("timeline"))
        let html = PictureExporter.html(presentation)
        let rows = html.components(separatedBy: "<tr><td>").count - 1
        let events = try Fixtures.result("timeline").list("events")
        #expect(rows == events.count)
        #expect(html.contains("Germany"))
    }
}
