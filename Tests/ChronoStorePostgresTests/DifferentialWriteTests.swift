import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoStorePostgres
import ChronoTesting
import Foundation
import Testing

/// Writes applied to SQLite's `LiveGraph` and to `PostgresGraphService`: the same canonical lines, reports,
/// errors, change logs (with their before-images) and query answers, step by step; then the same answers at
/// past revisions, the same snapshot byte for byte, the same diffs and restores.
@Suite(
    "SQLite and PostgreSQL write alike",
    .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped),
    .timeLimit(.minutes(5))
)
struct DifferentialWriteTests {
    @Test func everyRecordOfTheGraphHasTheSameCanonicalLine() async throws {
        try await ServicePair.with(graph: Repository.url("Graph")) { pair in
            let sqlite = try await pair.sqliteRecords()
            let postgres = try await pair.postgresRecords()
            #expect(sqlite.count > 1_000)
            #expect(sqlite.map(\.key) == postgres.map(\.key))
            for (a, b) in zip(sqlite, postgres) where a.line != b.line {
                Issue.record("\(a.kind) \(a.id): SQLite \(a.line) | PostgreSQL \(b.line)")
            }
            print("canonical lines: \(sqlite.count) records compared")
        }
    }

    @Test(arguments: [UInt64(3), 17])
    func aSeededSequenceOfWritesHasTheSameEffects(seed: UInt64) async throws {
        try await ServicePair.with(graph: Repository.url("Graph")) { pair in
            var script = WriteScript(seed: seed)
            let start = try await pair.postgres.current.run(StatsQuery(), deadline: nil).revision
            var outcomes: [String: Int] = [:]
            for step in 0..<40 {
                let records = try await pair.sqliteRecords()
                let (upserts, retractions) = script.batch(from: records)
                let expected = await Self.outcome {
                    try await pair.sqlite.write(upserts: upserts, retractions: retractions)
                }
                let actual = await Self.outcome {
                    try await pair.postgres.write(upserts: upserts, retractions: retractions)
                }
                #expect(expected == actual, "step \(step): SQLite \(expected) | PostgreSQL \(actual)")
                outcomes[expected.hasPrefix("report") ? "committed" : "refused", default: 0] += 1
                let cases = script.questions(touching: upserts, retractions)
                let readers = BackendPair(sqlite: pair.sqlite.current, postgres: pair.postgres.current)
                let (equal, _) = await DifferentialQueryTests.compare(cases, on: readers)
                #expect(equal == cases.count, "step \(step)")
            }
            let sqliteLog = try await pair.sqliteLog(after: start)
            #expect(try await pair.postgresLog(after: start) == sqliteLog)
            #expect(try await pair.postgresRecords() == (try await pair.sqliteRecords()))
            let end = try await pair.postgres.current.run(StatsQuery(), deadline: nil).revision
            for revision in [start, start + 4, (start + end) / 2, end] {
                let past = BackendPair(
                    sqlite: try await pair.sqlite.reader(atRevision: revision),
                    postgres: try await pair.postgres.reader(atRevision: revision)
                )
                let cases = script.questions(touching: [], [])
                let (equal, _) = await DifferentialQueryTests.compare(cases, on: past)
                #expect(equal == cases.count, "at revision \(revision)")
            }
            let manifest = try await pair.postgres.createSnapshot()
            #expect(manifest == (try await pair.sqlite.createSnapshot()))
            #expect(try await pair.postgres.snapshots() == [manifest])
            #expect(
                try await pair.postgres.archive(manifest.id).compressed()
                    == pair.sqlite.archive(manifest.id).compressed()
            )
            // A write on both, then a snapshot made by SQLite and imported into PostgreSQL.
            let entity = try #require(try await pair.sqliteRecords().first { $0.kind == .entity })
            guard case .object(var members) = entity.value else { throw ChronoError.internal("not an object") }
            members["summary"] = "Changed after the first snapshot."
            let edit = [JSONValue.object(members)]
            #expect(
                try await pair.sqlite.write(upserts: edit, retractions: [])
                    == pair.postgres.write(upserts: edit, retractions: [])
            )
            let second = try await pair.sqlite.createSnapshot()
            #expect(try await pair.postgres.importSnapshot(try await pair.sqlite.archive(second.id)) == second)
            #expect(try await pair.postgres.snapshots() == [manifest, second])
            for to in [second.id, nil] {
                let diff = try await pair.postgres.diff(from: manifest.id, to: to)
                #expect(diff == (try await pair.sqlite.diff(from: manifest.id, to: to)))
                #expect(diff.changed == [entity.key])
            }
            let restored = try await pair.postgres.restore(manifest.id)
            #expect(restored == (try await pair.sqlite.restore(manifest.id)))
            #expect(restored.updated == 1)
            #expect(try await pair.postgresRecords() == (try await pair.sqliteRecords()))
            #expect(try await pair.postgresLog(after: start) == (try await pair.sqliteLog(after: start)))
            let asOf = BackendPair(
                sqlite: try await pair.sqlite.reader(asOf: manifest.id),
                postgres: try await pair.postgres.reader(asOf: manifest.id)
            )
            let asOfCases = script.questions(touching: [], [])
            #expect(await DifferentialQueryTests.compare(asOfCases, on: asOf).equal == asOfCases.count)
            #expect(outcomes["committed", default: 0] >= 10)
            #expect(outcomes["refused", default: 0] >= 5)
            print("seed \(seed): \(outcomes), \(sqliteLog.count) logged changes alike")
        }
    }

    @Test func anEmptyWriteAndACompactionInTheFutureAreRefusedAlike() async throws {
        try await ServicePair.with(graph: Repository.url("Graph")) { pair in
            let expected = await Self.outcome { try await pair.sqlite.write(upserts: [], retractions: []) }
            #expect(expected == (await Self.outcome { try await pair.postgres.write(upserts: [], retractions: []) }))
            let future = await Self.outcome {
                try await pair.sqlite.compact(through: 99)
                return WriteReport(revision: 0, inserted: 0, updated: 0, deleted: 0)
            }
            let postgresFuture = await Self.outcome {
                try await pair.postgres.compact(through: 99)
                return WriteReport(revision: 0, inserted: 0, updated: 0, deleted: 0)
            }
            #expect(future == postgresFuture)
            #expect(future.contains("revisionInFuture"))
            try await pair.postgres.compact(through: 1)
            #expect(try await pair.postgresLog(after: 0).isEmpty)
        }
    }

    /// The report, or the error's type and description.
    static func outcome(_ body: () async throws -> WriteReport) async -> String {
        do {
            return "report \(try await body())"
        } catch {
            return "\(type(of: error)): \(error)"
        }
    }
}

/// A seeded sequence of write batches drawn from the graph as it stands: edits, unchanged upserts, copies
/// under new ids, retractions (of records often still referred to), shortened documents, and upserts the
/// graph refuses (unknown references, unreadable values, retractions of unknown ids).
struct WriteScript {
    private var generator: SeededGenerator
    private var counter = 0
    private var created: [String] = []

    init(seed: UInt64) {
        self.generator = SeededGenerator(seed: seed)
    }

    mutating func batch(from records: [CanonicalRecord]) -> (upserts: [JSONValue], retractions: [String]) {
        var upserts: [JSONValue] = []
        var retractions: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &self.generator) {
            self.counter += 1
            let record = records.randomElement(using: &self.generator)!
            switch Int.random(in: 0..<20, using: &self.generator) {
            case 0..<2: upserts.append(record.value)
            case 2..<8: upserts.append(self.edited(record))
            case 8..<11:
                let copy = self.copied(record)
                upserts.append(copy.value)
                self.created.append(copy.id)
            case 11..<13: retractions.append(record.id)
            case 13..<15: retractions.append(self.created.randomElement(using: &self.generator) ?? record.id)
            case 15..<17: upserts.append(self.misreferencing(record))
            case 17: retractions.append("nothing-\(self.counter)")
            case 18: upserts.append(.string("not a record"))
            default: upserts.append(self.shortened(records))
            }
        }
        return (upserts, retractions)
    }

    /// Queries whose answers a batch may change: counts (but the schema version), the timeline, disputes, figures and the upserted or
    /// retracted entities.
    func questions(touching upserts: [JSONValue], _ retractions: [String]) -> [DifferentialQueryTests.Case] {
        var cases: [DifferentialQueryTests.Case] = [
            DifferentialQueryTests.Case(name: "stats") { store in
                // The schema versions of the two backends are numbered apart.
                let outcome = await Outcome.of(StatsQuery(), on: store)
                guard case .answer(.object(var members)) = outcome else { return outcome }
                members["schema_version"] = nil
                return .answer(.object(members))
            },
            DifferentialQueryTests.ask("timeline", TimelineQuery(mode: .overlaps, limit: 500)),
            DifferentialQueryTests.ask("disputes", DisputesQuery(limit: 500)),
        ]
        let ids = upserts.compactMap { value -> String? in
            guard case .object(let members) = value, case .string(let id) = members["id"] else { return nil }
            return id
        }
        for id in ids + retractions {
            cases.append(
                DifferentialQueryTests.Case(name: "entity \(id)") { store in
                    // An unknown id's suggestions are ranked by each backend's own text search: compare the
                    // error's type only.
                    let outcome = await Outcome.of(EntityQuery(id: id), on: store)
                    guard case .error(let text) = outcome else { return outcome }
                    return .error(String(text.prefix { $0 != ":" }))
                }
            )
        }
        return cases
    }

    private func edited(_ record: CanonicalRecord) -> JSONValue {
        let tag = " (edit \(self.counter))"
        return Self.changing(record.value) { members in
            switch record.kind {
            case .entity, .event: members["summary"] = .string(Self.text(members["summary"]) + tag)
            case .relation: members["summary"] = .string("edited\(tag)")
            case .figure: members["value"] = .double(Double(self.counter))
            case .dispute: members["topic"] = .string(Self.text(members["topic"]) + tag)
            case .document: members["title"] = .string(Self.text(members["title"]) + tag)
            }
        }
    }

    private func copied(_ record: CanonicalRecord) -> (id: String, value: JSONValue) {
        var id = "w\(self.counter)-\(record.id)"
        let value = Self.changing(record.value) { members in
            if record.kind == .relation {
                id =
                    "\(Self.text(members["from"]))--\(Self.text(members["type"]))--\(Self.text(members["to"]))"
                    + "--\(90_000 + self.counter)"
            }
            members["id"] = .string(id)
        }
        return (id, value)
    }

    private func misreferencing(_ record: CanonicalRecord) -> JSONValue {
        Self.changing(record.value) { members in
            if case .array(var participants) = members["participants"], !participants.isEmpty {
                participants[0] = Self.changing(participants[0]) { $0["entity"] = "nobody" }
                members["participants"] = .array(participants)
            } else if case .array(var citations) = members["citations"], !citations.isEmpty {
                citations[0] = Self.changing(citations[0]) { $0["doc"] = "no-such-document" }
                members["citations"] = .array(citations)
            } else {
                members["id"] = .int(7)
            }
        }
    }

    private mutating func shortened(_ records: [CanonicalRecord]) -> JSONValue {
        let documents = records.filter { $0.kind == .document }
        let document = documents.randomElement(using: &self.generator)!
        let cut = Int64.random(in: 0...40, using: &self.generator)
        return Self.changing(document.value) { members in
            if case .int(let lines) = members["lines"] { members["lines"] = .int(max(1, lines - cut)) }
        }
    }

    private static func changing(_ value: JSONValue, _ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
        guard case .object(var members) = value else { return value }
        change(&members)
        return .object(members)
    }

    private static func text(_ value: JSONValue?) -> String {
        if case .string(let text) = value { return text }
        return ""
    }
}
