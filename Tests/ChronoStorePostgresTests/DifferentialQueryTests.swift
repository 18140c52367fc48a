import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoStorePostgres
import ChronoTesting
import Foundation
import Testing

/// The repository's graph in SQLite and in PostgreSQL, asked the same queries: every answer that does not
/// depend on text ranking is the same wire form, byte for byte; ranked search (and what filters by it) is
/// compared by the records it lists first (see `SearchComparison`).
@Suite(
    "SQLite and PostgreSQL answer alike",
    .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped),
    .timeLimit(.minutes(5))
)
struct DifferentialQueryTests {
    /// One query asked of both backends; `ranked` when its answer depends on the text ranking.
    struct Case {
        var name: String
        var ranked = false
        var ask: (any GraphReading) async -> Outcome
    }

    static func ask<Query: GraphQuery>(_ name: String, ranked: Bool = false, _ query: Query) -> Case {
        Case(name: name, ranked: ranked) { store in await Outcome.of(query, on: store) }
    }

    /// Asks every case of both and checks exact cases for equality and ranked ones within the tolerance;
    /// returns how many compared equal and the ranked comparison, and prints the time each backend took.
    static func compare(_ cases: [Case], on pair: BackendPair) async -> (equal: Int, search: SearchComparison) {
        var equal = 0
        var search = SearchComparison()
        var elapsed = (sqlite: Duration.zero, postgres: Duration.zero)
        let clock = ContinuousClock()
        for item in cases {
            var expected = Outcome.error("")
            var actual = Outcome.error("")
            elapsed.sqlite += await clock.measure { expected = await item.ask(pair.sqlite) }
            elapsed.postgres += await clock.measure { actual = await item.ask(pair.postgres) }
            if expected == actual {
                equal += 1
            } else if item.ranked {
                search.add(item.name, sqlite: expected, postgres: actual)
            } else {
                Issue.record("\(item.name): SQLite | PostgreSQL at \(expected.difference(from: actual))")
            }
        }
        print("\(cases.count) queries: SQLite \(elapsed.sqlite), PostgreSQL \(elapsed.postgres)")
        return (equal, search)
    }

    @Test func theQuestionSetIsAnsweredAlike() async throws {
        let cases = try QuestionSet.cases()
        #expect(cases.count > 130)
        try await BackendPair.with(graph: Repository.url("Graph")) { pair in
            let (equal, search) = await Self.compare(cases, on: pair)
            print("question set: \(equal) of \(cases.count) answers equal; \(search.summary)")
            search.check()
        }
    }

    @Test func structuralQueriesAreAnsweredAlike() async throws {
        let graph = try RepositoryGraphShape(directory: Repository.url("Graph"))
        let cases = graph.cases()
        #expect(cases.count > 60)
        try await BackendPair.with(graph: Repository.url("Graph")) { pair in
            let (equal, search) = await Self.compare(cases, on: pair)
            print("structural: \(equal) of \(cases.count) answers equal; \(search.summary)")
            search.check()
            var stats = try await pair.postgres.run(StatsQuery(), deadline: nil)
            #expect(stats.schemaVersion == PostgresSchema.version)
            stats.schemaVersion = try await pair.sqlite.run(StatsQuery(), deadline: nil).schemaVersion
            #expect(try wireForm(stats) == wireForm(try await pair.sqlite.run(StatsQuery(), deadline: nil)))
            #expect(pair.postgres.latestRevision == pair.sqlite.latestRevision)
            let changes = try await pair.postgres.changes(after: 0, limit: 100_000, deadline: nil)
            #expect(changes == (try await pair.sqlite.changes(after: 0, limit: 100_000, deadline: nil)))
            #expect(
                changes.count == stats.counts.entities + stats.counts.events + stats.counts.relations
                    + stats.counts.disputes + stats.counts.figures + stats.counts.documents
            )
        }
    }

    @Test func timelinePagesFollowTheSameCursors() async throws {
        let windows: [(String?, String?)] = [(nil, nil), ("2000", "2010"), ("2006-06", "2007-06"), ("1990", nil)]
        try await BackendPair.with(graph: Repository.url("Graph")) { pair in
            var pages = 0
            for (from, to) in windows {
                for mode in [TimelineMode.certainFirst, .overlaps, .within] {
                    var query = TimelineQuery(
                        from: try from.map { try EDTFDate($0) },
                        to: try to.map { try EDTFDate($0) },
                        mode: mode,
                        limit: 9
                    )
                    var seen = 0
                    repeat {
                        let sqlite = try await pair.sqlite.run(query, deadline: nil)
                        let postgres = try await pair.postgres.run(query, deadline: nil)
                        #expect(
                            try wireForm(sqlite) == wireForm(postgres),
                            "\(from ?? "…")/\(to ?? "…") \(mode) page \(seen)"
                        )
                        query.cursor = sqlite.nextCursor
                        seen += 1
                    } while query.cursor != nil && seen < 100
                    #expect(query.cursor == nil)
                    pages += seen
                }
            }
            print("timeline: \(pages) pages equal")
        }
    }
}

/// How ranked answers that differ between the backends compare: the ids each lists first, and whether all
/// ids come in the same order (the answers then differ only in scores and snippets).
struct SearchComparison {
    /// How many of the first ids are compared.
    static let top = 5
    var differing: [(name: String, sqlite: [String], postgres: [String], sameOrder: Bool, at: String)] = []

    mutating func add(_ name: String, sqlite: Outcome, postgres: Outcome) {
        self.differing.append(
            (
                name, Array(sqlite.listedIDs.prefix(Self.top)), Array(postgres.listedIDs.prefix(Self.top)),
                sqlite.listedIDs == postgres.listedIDs, String(sqlite.difference(from: postgres).prefix(160))
            )
        )
    }

    var summary: String {
        let sameOrder = self.differing.filter(\.sameOrder).count
        return "\(self.differing.count) ranked answers differ, \(sameOrder) of them listing the same ids in the same "
            + "order"
            + self.differing.map { "\n  \($0.name): \($0.sameOrder ? "same ids" : "reordered") at \($0.at)" }.joined()
    }

    /// The documented tolerance: where ranked answers differ, both list the same `top` records first (in an
    /// order that may differ where scores tie or the engines weigh words differently).
    func check() {
        for item in self.differing {
            #expect(
                Set(item.sqlite) == Set(item.postgres),
                "\(item.name): SQLite \(item.sqlite) PostgreSQL \(item.postgres)"
            )
        }
    }
}
