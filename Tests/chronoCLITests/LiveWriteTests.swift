import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono write` and `chrono import` against the built `chronod`.
@Suite("chrono against a live chronod: write and import", .heavy, .serialized, .timeLimit(.minutes(1)))
struct LiveWriteTests {
    @Test("a write from stdin commits one insert, and the timeline then shows the new event")
    func writeThenTimeline() async throws {
        let (write, timeline) = try await LiveDaemon.with { daemon in
            (
                try await ChronoBinary.run(
                    ["write", "-", "--format", "json"],
                    port: daemon.port,
                    input: WriteFixtures.event + "\n"
                ),
                try await ChronoBinary.run(
                    ["timeline", "--from", "2030", "--mode", "within", "--format", "json"],
                    port: daemon.port
                )
            )
        }
        #expect(write.status == 0, "\(write.stderr)")
        let result = try Fixtures.parse(write.stdout)
        #expect(result["inserted"]?.intValue == 1)
        #expect(result["updated"]?.intValue == 0)
        #expect(result["deleted"]?.intValue == 0)
        #expect((result["revision"]?.intValue ?? 0) > 0)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(try Fixtures.parse(timeline.stdout).list("events").map { $0.text("id") } == ["2030-test-arrivals"])
    }

    @Test("a record naming an unknown entity exits 64 with the field path, and nothing is written")
    func badRecord() async throws {
        let file = try WriteFixtures.file(WriteFixtures.event + "\n" + WriteFixtures.badEvent + "\n")
        let (before, write, after) = try await LiveDaemon.with { daemon in
            (
                try await ChronoBinary.run(["stats", "--format", "json"], port: daemon.port),
                try await ChronoBinary.run(["write", file], port: daemon.port),
                try await ChronoBinary.run(["stats", "--format", "json"], port: daemon.port)
            )
        }
        #expect(write.status == 64)
        #expect(write.stderr.hasPrefix("chrono: INVALID_ARGUMENT: params.upserts[1].participants[0].entity"))
        #expect(write.stderr.contains("nowhere-land"))
        #expect(before.status == 0 && after.status == 0)
        #expect(try Fixtures.parse(before.stdout) == (try Fixtures.parse(after.stdout)))
    }

    @Test("a retraction removes the record; retracting it again is NOT_FOUND (exit 66)")
    func retract() async throws {
        let (first, second) = try await LiveDaemon.with { daemon in
            _ = try await ChronoBinary.run(["write", "-"], port: daemon.port, input: WriteFixtures.event)
            return (
                try await ChronoBinary.run(
                    ["write", "--retract", "2030-test-arrivals", "--format", "json"],
                    port: daemon.port
                ),
                try await ChronoBinary.run(["write", "--retract", "2030-test-arrivals"], port: daemon.port)
            )
        }
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Fixtures.parse(first.stdout)["deleted"]?.intValue == 1)
        #expect(second.status == 66)
        #expect(second.stderr.contains("params.retractions[0]"))
    }

    @Test("a daemon with a token refuses a write without it (exit 77) and takes it with --token or CHRONO_TOKEN")
    func token() async throws {
        let (without, wrong, flag, environment) = try await LiveDaemon.with(token: "s3cret") { daemon in
            (
                try await ChronoBinary.run(["write", "-"], port: daemon.port, input: WriteFixtures.event),
                try await ChronoBinary.run(
                    ["write", "-", "--token", "guess"],
                    port: daemon.port,
                    input: WriteFixtures.event
                ),
                try await ChronoBinary.run(
                    ["write", "-", "--token", "s3cret"],
                    port: daemon.port,
                    input: WriteFixtures.event
                ),
                try await ChronoBinary.run(
                    ["write", "--retract", "2030-test-arrivals"],
                    port: daemon.port,
                    environment: ["CHRONO_TOKEN": "s3cret"]
                )
            )
        }
        #expect(without.status == 77)
        #expect(without.stderr.hasPrefix("chrono: UNAUTHENTICATED: metadata.authorization"))
        #expect(wrong.status == 77)
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(try Fixtures.parse(flag.stdout)["inserted"]?.intValue == 1)
        #expect(environment.status == 0, "\(environment.stderr)")
        #expect(try Fixtures.parse(environment.stdout)["deleted"]?.intValue == 1)
    }

    @Test("importing the fixture graph into a daemon with only its documents yields the fixture's counts")
    func importGraph() async throws {
        let (reference, imported, stats) = try await LiveDaemon.with(graph: LiveDaemon.emptyGraph) { daemon in
            let reference = try await LiveDaemon.with {
                try await ChronoBinary.run(["stats", "--format", "json"], port: $0.port)
            }
            return (
                reference,
                try await ChronoBinary.run(
                    ["import", LiveDaemon.fixtureGraph.path, "--format", "json"],
                    port: daemon.port
                ),
                try await ChronoBinary.run(["stats", "--format", "json"], port: daemon.port)
            )
        }
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try Fixtures.parse(imported.stdout)
        #expect(result["batches"]?.intValue == 1)
        #expect(result["records"]?.intValue == 44)
        #expect(result["inserted"]?.intValue == 42)
        #expect(try Fixtures.parse(stats.stdout)["counts"] == (try Fixtures.parse(reference.stdout)["counts"]))
    }
}
