import ChronoGraph
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Timeline windows checked against a full scan on seeded random events", .heavy, .timeLimit(.minutes(2)))
struct RandomTimelineTests {
    @Test(arguments: [UInt64(5), 99])
    func windowPagesMatchAFullScan(seed: UInt64) async throws {
        let timeline = RandomTimeline(count: 3_000, seed: seed)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try timeline.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: url).load(into: store)
        var generator = SeededGenerator(seed: seed &+ 1)
        for width in [1, 30, 365, 3_650, 40_000] {
            for _ in 0..<8 {
                let start = try EDTFDate(String(format: "%04d-01-01", Int.random(in: 1890...2035, using: &generator)))
                let end = try EDTFDate(
                    Day(ordinal: start.strict.lower!.ordinal + Int.random(in: 0..<width, using: &generator)).iso
                )
                let limit = Int.random(in: 1...120, using: &generator)
                for mode in [TimelineMode.overlaps, .certainFirst] {
                    let query = TimelineQuery(from: start, to: end, mode: mode, limit: limit)
                    let got = try await store.run(query).events.map(\.id)
                    let want = try timeline.window(
                        lower: Int64(start.strict.lower!.ordinal),
                        upper: Int64(end.strict.upper!.ordinal),
                        limit: limit,
                        certainFirst: mode == .certainFirst
                    )
                    #expect(got == want, "window \(start) … \(end), \(mode), limit \(limit)")
                }
            }
        }
        let openStart = try await store.run(TimelineQuery(to: try EDTFDate("1950"), mode: .overlaps, limit: 77))
            .events.map(\.id)
        #expect(openStart == (try timeline.window(lower: Schema.openLower, upper: Self.day("1950-12-31"), limit: 77)))
        let openEnd = try await store.run(TimelineQuery(from: try EDTFDate("2020"), mode: .overlaps, limit: 77))
            .events.map(\.id)
        #expect(openEnd == (try timeline.window(lower: Self.day("2020-01-01"), upper: Schema.openUpper, limit: 77)))
    }

    private static func day(_ iso: String) throws -> Int64 {
        Int64(try EDTFDate(iso).strict.lower!.ordinal)
    }
}
