import ArgumentParser
import ChronoProtocol
import Testing

@testable import ChronoCLI

@Suite("Command parsing: arguments are validated and turned into params before any I/O")
struct CommandParsingTests {
    @Test("timeline options become Timeline/Query params")
    func timelineParams() throws {
        let command = try #require(
            try Chrono.parseAsRoot([
                "timeline", "--from", "2007~", "--to", "2011", "--mode", "within", "--actor", "germany",
                "--actor", "SMS", "--type", "request", "--limit", "20",
            ]) as? Chrono.Timeline
        )
        #expect(
            command.params == [
                "from": "2007~", "to": "2011", "mode": "within", "actors": ["germany", "SMS"], "types": ["request"],
                "limit": 20,
            ]
        )
    }

    @Test(
        "bad arguments fail with the usage exit code and a message naming the option",
        arguments: [
            (["timeline", "--from", "2019-13"], "--from"),
            (["timeline", "--limit", "501"], "--limit"),
            (["timeline", "--from", "2011", "--to", "2007"], "comes after --to"),
            (["timeline", "--format", "graphml"], "--format graphml is not available here"),
            (["neighbors", "x", "--depth", "7"], "--depth"),
            (["path", "a", "b", "--paths", "11"], "--paths"),
            (["subgraph", "a", "--depth", "4"], "--depth"),
            (["show", " "], "<entity>"),
            (["search", "x", "--format", "timelinejs"], "--format timelinejs"),
            (["subscribe", "show"], "needs an entity"),
            (["health", "--deadline", "soon"], "is not a deadline"),
            (["stats", "--port", "0"], "--port"),
        ]
    )
    func rejectsBadArguments(arguments: [String], fragment: String) {
        #expect {
            _ = try Chrono.parseAsRoot(arguments)
        } throws: { error in
            Chrono.exitCode(for: error).rawValue == 64 && Chrono.message(for: error).contains(fragment)
        }
    }

    @Test("subscribe wraps the followed query and its revision")
    func subscribeParams() throws {
        let command = try #require(
            try Chrono.parseAsRoot(["subscribe", "neighbors", "azerbaijan", "--from", "2007", "--since-revision", "4"])
                as? Chrono.Subscribe
        )
        #expect(
            command.params == [
                "query": ["method": "chrono.v1.Graph/Neighbors", "params": ["id": "azerbaijan", "from": "2007"]],
                "since_revision": 4,
            ]
        )
    }

    @Test("every command's help has an example")
    func helpHasExamples() {
        for command in Chrono.configuration.subcommands {
            #expect(command.configuration.discussion.contains("Examples:"), "\(command) lacks examples")
        }
    }
}
