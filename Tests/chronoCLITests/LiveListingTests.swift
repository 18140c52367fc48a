import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono` against the built `chronod` serving the fixture graph: listings and their formats.
@Suite("chrono against a live chronod: listings", .heavy, .serialized, .timeLimit(.minutes(1)))
struct LiveListingTests {
    @Test("timeline JSON holds the fixture's events of 2007-2011 in order; CSV and NDJSON agree with it")
    func timeline() async throws {
        let (json, csv, ndjson) = try await LiveDaemon.with { daemon in
            let window = ["timeline", "--from", "2007", "--to", "2011"]
            return (
                try await ChronoBinary.run(window + ["--format", "json"], port: daemon.port),
                try await ChronoBinary.run(window + ["--format", "csv"], port: daemon.port),
                try await ChronoBinary.run(window, port: daemon.port)
            )
        }
        #expect(json.status == 0, "\(json.stderr)")
        let events = try Fixtures.parse(json.stdout).list("events")
        let ids = events.map { $0.text("id") }
        #expect(ids.contains("2007-03-19-decree-signed"))
        #expect(ids.contains("2007-01-eu-visa-talks"))
        #expect(!ids.contains("1998-12-22-law-on-immigration-adopted"))
        let lowers = events.compactMap { $0["date"]?["lower"]?.stringValue }
        #expect(lowers == lowers.sorted())
        let records = try CSVReader.read(csv.stdout)
        #expect(records.first?.first == "id")
        #expect(records.dropFirst().map { $0[0] } == ids)
        let lines = ndjson.stdout.split(separator: "\n").map(String.init)
        #expect(try lines.map(Fixtures.parse) == events, "piped output defaults to one event per line")
    }

    @Test("timeline exports TimelineJS with the required fields for every event")
    func timelineJS() async throws {
        let run = try await LiveDaemon.with {
            try await ChronoBinary.run(["timeline", "--format", "timelinejs"], port: $0.port)
        }
        #expect(run.status == 0, "\(run.stderr)")
        let events = try Fixtures.parse(run.stdout).list("events")
        #expect(!events.isEmpty)
        for event in events {
            #expect(event["start_date"]?["year"]?.intValue != nil, "\(event.text("unique_id")) lacks start_date.year")
            #expect(event["text"]?["headline"]?.stringValue?.isEmpty == false)
            #expect(event["group"]?.stringValue != nil)
            #expect(event["display_date"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("find (and its alias search) finds both Aliyevs, one JSON record per line when piped")
    func find() async throws {
        let (find, search) = try await LiveDaemon.with { daemon in
            (
                try await ChronoBinary.run(["find", "Aliyev"], port: daemon.port),
                try await ChronoBinary.run(["search", "Aliyev"], port: daemon.port)
            )
        }
        #expect(find.status == 0, "\(find.stderr)")
        #expect(search.stdout == find.stdout)
        let found = try find.stdout.split(separator: "\n").map { try Fixtures.parse(String($0)) }
        let people = found.filter { $0.text("kind") == "entity" }.map { $0.text("id") }
        #expect(Set(people.prefix(2)) == ["heydar-aliyev", "ilham-aliyev"])
        #expect(found.allSatisfy { !$0.list("citations").isEmpty })
    }

    @Test("timeline --all streams every event (Timeline/Stream), the same events as one large page")
    func timelineAll() async throws {
        let (streamed, page, table) = try await LiveDaemon.with { daemon in
            (
                try await ChronoBinary.run(["timeline", "--all"], port: daemon.port),
                try await ChronoBinary.run(["timeline", "--limit", "500", "--format", "json"], port: daemon.port),
                try await ChronoBinary.run(["timeline", "--all", "--format", "csv"], port: daemon.port)
            )
        }
        #expect(streamed.status == 0, "\(streamed.stderr)")
        let events = try streamed.stdout.split(separator: "\n").map { try Fixtures.parse(String($0)) }
        #expect(events == (try Fixtures.parse(page.stdout)).list("events"))
        #expect(try CSVReader.read(table.stdout).count == events.count + 1)
    }

    @Test("a piped table fits COLUMNS and carries no colour; Markdown has one row per event")
    func tableAndMarkdown() async throws {
        let (table, markdown, json) = try await LiveDaemon.with { daemon in
            (
                try await ChronoBinary.run(
                    ["timeline", "--format", "table"],
                    port: daemon.port,
                    environment: ["COLUMNS": "70", "NO_COLOR": ""]
                ),
                try await ChronoBinary.run(["timeline", "--format", "markdown"], port: daemon.port),
                try await ChronoBinary.run(["timeline", "--format", "json"], port: daemon.port)
            )
        }
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("DATE") == true)
        #expect(lines.allSatisfy { $0.count <= 70 })
        #expect(!table.stdout.contains("\u{1B}["))
        let events = try Fixtures.parse(json.stdout).list("events")
        #expect(markdown.stdout.split(separator: "\n").count == events.count + 2)
    }
}
