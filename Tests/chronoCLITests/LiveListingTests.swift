import ChronoProtocol
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono` against the built `chronod` serving the fixture graph: listings and their formats.
@Suite("chrono against a live chronod: listings", .serialized, .timeLimit(.minutes(1)))
struct LiveListingTests {
    @Test("timeline JSON holds the fixture's events of 2007-2011 in order; CSV and NDJSON agree with it")
    func timeline() throws {
        let (json, csv, ndjson) = try LiveDaemon.with { daemon in
            let window = ["timeline", "--from", "2007", "--to", "2011"]
            return (
                try ChronoBinary.run(window + ["--format", "json"], port: daemon.port),
                try ChronoBinary.run(window + ["--format", "csv"], port: daemon.port),
                try ChronoBinary.run(window, port: daemon.port)
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
    func timelineJS() throws {
        let run = try LiveDaemon.with { try ChronoBinary.run(["timeline", "--format", "timelinejs"], port: $0.port) }
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

    @Test("search finds both Aliyevs, one JSON record per line when piped")
    func search() throws {
        let run = try LiveDaemon.with { try ChronoBinary.run(["search", "Aliyev"], port: $0.port) }
        #expect(run.status == 0, "\(run.stderr)")
        let found = try run.stdout.split(separator: "\n").map { try Fixtures.parse(String($0)) }
        let foundIDs = Set(found.compactMap { $0["entity"]?.text("id") })
        #expect(foundIDs.isSuperset(of: ["heydar-aliyev", "ilham-aliyev"]))
    }
}
