import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono` against the built `chronod`: one entity, an unknown one and an ambiguous name.
@Suite("chrono against a live chronod: entities", .heavy, .serialized, .timeLimit(.minutes(1)))
struct LiveEntityTests {
    @Test("show gives the entity with its relations and events")
    func show() async throws {
        let run = try await LiveDaemon.with {
            try await ChronoBinary.run(["show", "ilham-aliyev", "--format", "json"], port: $0.port)
        }
        #expect(run.status == 0, "\(run.stderr)")
        let result = try Fixtures.parse(run.stdout)
        #expect(result["entity"]?.text("name") == "Ilham Aliyev")
        #expect(result.list("relations").contains { $0.text("id") == "ilham-aliyev--issued--decree-2007-03-19" })
        #expect(result.list("events").contains { $0.text("id") == "2007-03-19-decree-signed" })
    }

    @Test("an unknown entity exits 66 with the server's status and message")
    func notFound() async throws {
        let run = try await LiveDaemon.with { try await ChronoBinary.run(["show", "no-such-entity"], port: $0.port) }
        #expect(run.status == 66)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("chrono: NOT_FOUND: "))
    }

    @Test("an ambiguous name lists the candidates and exits 64 instead of guessing")
    func ambiguousName() async throws {
        let run = try await LiveDaemon.with { try await ChronoBinary.run(["show", "Aliyev"], port: $0.port) }
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("chrono: INVALID_ARGUMENT: "))
        #expect(run.stderr.contains("heydar-aliyev"))
        #expect(run.stderr.contains("ilham-aliyev"))
        #expect(run.stderr.contains("Heydar Aliyev"))
    }
}
