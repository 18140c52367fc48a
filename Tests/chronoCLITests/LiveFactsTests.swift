import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono` against the built `chronod`: disputes, figures and stats.
@Suite("chrono against a live chronod: disputes, figures, stats", .heavy, .serialized, .timeLimit(.minutes(1)))
struct LiveFactsTests {
    @Test("disputes, figures and stats hold the fixture's items")
    func facts() async throws {
        let (disputes, figures, stats) = try await LiveDaemon.with { daemon in
            (
                try await ChronoBinary.run(["disputes", "--format", "json"], port: daemon.port),
                try await ChronoBinary.run(["figures", "--format", "csv"], port: daemon.port),
                try await ChronoBinary.run(["stats", "--format", "json"], port: daemon.port)
            )
        }
        #expect(disputes.status == 0, "\(disputes.stderr)")
        let disputeIDs = try Fixtures.parse(disputes.stdout).list("disputes").map { $0.text("id") }
        #expect(Set(disputeIDs) == ["number-of-idps", "date-of-readmission-talks"])
        #expect(figures.status == 0, "\(figures.stderr)")
        let figureIDs = try CSVReader.read(figures.stdout).dropFirst().map { $0[0] }
        #expect(Set(figureIDs) == ["idps-2009", "labour-migrants-1990s", "returnees-2014"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(try Fixtures.parse(stats.stdout)["counts"]?["disputes"]?.intValue == 2)
    }
}
