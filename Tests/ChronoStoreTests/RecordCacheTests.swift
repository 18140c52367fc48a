import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Records kept between calls at one revision")
struct RecordCacheTests {
    /// A backend that knows the name of every entity at each revision and counts what it is asked.
    private final class Names {
        var asked: [[String]] = []
        /// Entity names by revision; an id not listed does not exist.
        let names: [Int64: [String: String]]

        init(_ names: [Int64: [String: String]]) { self.names = names }

        func read(_ ids: [String], at revision: Int64) -> [String: EntityRef] {
            self.asked.append(ids.sorted())
            var refs: [String: EntityRef] = [:]
            for id in ids {
                if let name = self.names[revision]?[id] { refs[id] = EntityRef(id: id, kind: .person, name: name) }
            }
            return refs
        }
    }

    /// The names found, by id.
    private func names(_ refs: [EntityRef?]) -> [String: String] {
        Dictionary(refs.compactMap { $0.map { ($0.id, $0.name) } }) { first, _ in first }
    }

    @Test func keptReferencesAreNotReadAgainAtTheSameRevision() throws {
        let cache = RecordCache<EntityRef>(budget: 1 << 20)
        let backend = Names([1: ["a": "A", "b": "B", "c": "C"]])
        let first = try cache.values(["a", "b", "a"], at: 1) { backend.read($0, at: 1) }
        #expect(self.names(first) == ["a": "A", "b": "B"])
        let second = try cache.values(["b", "c", "a", "c"], at: 1) { backend.read($0, at: 1) }
        #expect(self.names(second) == ["a": "A", "b": "B", "c": "C"])
        let third = try cache.values(["c", "a"], at: 1) { backend.read($0, at: 1) }
        #expect(self.names(third) == ["a": "A", "c": "C"])
        #expect(backend.asked == [["a", "b"], ["c"]])
    }

    @Test func aNewerRevisionEmptiesTheCacheAndAnOlderOneReadsAroundIt() throws {
        let cache = RecordCache<EntityRef>(budget: 1 << 20)
        let backend = Names([1: ["a": "A", "b": "B"], 2: ["a": "A renamed", "b": "B"]])
        _ = try cache.values(["a", "b"], at: 1) { backend.read($0, at: 1) }
        #expect(
            self.names(try cache.values(["a", "b"], at: 2) { backend.read($0, at: 2) }) == ["a": "A renamed", "b": "B"]
        )
        // A read transaction begun before revision 2 still sees revision 1, and must not be answered from
        // (or leave its references in) the cache now at revision 2.
        #expect(self.names(try cache.values(["a"], at: 1) { backend.read($0, at: 1) }) == ["a": "A"])
        #expect(
            self.names(try cache.values(["a", "b"], at: 2) { backend.read($0, at: 2) }) == ["a": "A renamed", "b": "B"]
        )
        #expect(backend.asked == [["a", "b"], ["a", "b"], ["a"]])
    }

    @Test func anIdWithoutAnEntityIsReadEachTime() throws {
        let cache = RecordCache<EntityRef>(budget: 1 << 20)
        let backend = Names([1: ["a": "A"]])
        for _ in 0..<2 {
            #expect(self.names(try cache.values(["a", "gone"], at: 1) { backend.read($0, at: 1) }) == ["a": "A"])
        }
        #expect(
            try cache.values(["gone", "a", "gone"], at: 1) { backend.read($0, at: 1) }.map { $0?.name } == [
                nil, "A", nil,
            ]
        )
        #expect(backend.asked == [["a", "gone"], ["gone"], ["gone"]])
    }

    @Test func aFullCacheKeepsWhatItHasAndReadsTheRest() throws {
        // Each of these references costs 99 bytes: two fit.
        let cache = RecordCache<EntityRef>(budget: 200)
        let backend = Names([1: ["a": "A", "b": "B", "c": "C"]])
        _ = try cache.values(["a", "b"], at: 1) { backend.read($0, at: 1) }
        #expect(!cache.isFull, "nothing refused yet")
        #expect(self.names(try cache.values(["c"], at: 1) { backend.read($0, at: 1) }) == ["c": "C"])
        #expect(cache.isFull)
        #expect(
            self.names(try cache.values(["a", "b", "c"], at: 1) { backend.read($0, at: 1) }) == [
                "a": "A", "b": "B", "c": "C",
            ]
        )
        #expect(backend.asked == [["a", "b"], ["c"], ["c"]])
        // A newer revision empties it, so it fills again.
        _ = try cache.values(["c"], at: 2) { backend.read($0, at: 1) }
        #expect(!cache.isFull)
        _ = try cache.values(["c"], at: 2) { backend.read($0, at: 1) }
        #expect(backend.asked == [["a", "b"], ["c"], ["c"], ["c"]])
    }

    @Test func aFailedReadKeepsNothing() throws {
        struct Failure: Error {}
        let cache = RecordCache<EntityRef>(budget: 1 << 20)
        #expect(throws: Failure.self) { try cache.values(["a"], at: 1) { _ in throw Failure() } }
        let backend = Names([1: ["a": "A"]])
        #expect(self.names(try cache.values(["a"], at: 1) { backend.read($0, at: 1) }) == ["a": "A"])
        #expect(backend.asked == [["a"]])
    }

    /// Renames `baku` to "Bakı" and gives its relation to `azerbaijan` a summary, in one write.
    private func renameBakuAndDescribeItsRelation(_ fixture: FixtureStore) async throws {
        let citation = #""citations":[{"doc":"doc-b.txt","lines":[3,4]}]"#
        _ = try await fixture.live.write(
            upserts: [
                try self.record(#"{"record":"entity","id":"baku","kind":"place","name":"Bakı",\#(citation)}"#),
                try self.record(
                    #"{"record":"relation","id":"baku--located_in--azerbaijan","type":"located_in","from":"baku","to":"azerbaijan","summary":"Founded on the coast.",\#(citation)}"#
                ),
            ],
            retractions: []
        )
    }

    /// A record in the `Graph/` format as the JSON value a write takes.
    private func record(_ line: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
    }

    @Test func answersAfterAWriteShowTheNewNamesAndEdges() async throws {
        let fixture = try await FixtureStore.open(quickReaders: 1)
        defer { fixture.close() }
        _ = try await fixture.store.prewarm()
        let query = NeighborsQuery(id: "azerbaijan")
        func baku(_ neighborhood: Neighborhood) throws -> (name: String?, edge: String?) {
            let edge = neighborhood.edges.first { $0.id == "baku--located_in--azerbaijan" }
            return (
                neighborhood.nodes.first { $0.entity.id == "baku" }?.entity.name,
                edge.map { String(decoding: $0.json, as: UTF8.self) }
            )
        }
        let before = try baku(try await fixture.store.run(query))
        #expect(before.name == "Baku")
        #expect(before.edge?.contains("Founded on the coast") == false)
        try await self.renameBakuAndDescribeItsRelation(fixture)
        for answer in [
            try await fixture.store.run(query),
            try #require(try fixture.store.answerAtOnce(query, budget: .seconds(10), deadline: nil)),
        ] {
            let after = try baku(answer)
            #expect(after.name == "Bakı")
            #expect(after.edge?.contains("Founded on the coast.") == true)
        }
    }

    /// Commits a rename of `baku` to "Bakı" with a connection of its own, as the store's writer would (the next
    /// revision, its change logged), without the writer knowing: the state a reader meets when a commit lands
    /// between its loading the writer's revision and its first statement.
    private func renameBakuBehindTheWriter(_ fixture: FixtureStore) throws {
        let connection = try Connection(path: fixture.directory.databasePath)
        try connection.transaction { connection in
            try connection.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'")
            try connection.execute("UPDATE entities SET name = 'Bakı' WHERE id = 'baku'")
            try connection.execute(
                "INSERT INTO changes(revision, kind, id, op) SELECT value, 'entity', 'baku', 'update' FROM meta WHERE key = 'revision'"
            )
        }
    }

    @Test func keptRecordsAnswerAtTheWritersRevisionAndAnAnswerThatReadsANewerOneIsReadAgainThere() async throws {
        let fixture = try await FixtureStore.open(quickReaders: 1)
        defer { fixture.close() }
        _ = try await fixture.store.prewarm()
        let written = fixture.store.latestRevision
        try self.renameBakuBehindTheWriter(fixture)
        // A neighbourhood the kept records give whole reads no statement, so it answers at the writer's revision.
        let kept = NeighborsQuery(id: "azerbaijan")
        for answer in [
            try await fixture.store.run(kept),
            try #require(try fixture.store.answerAtOnce(kept, budget: .seconds(10), deadline: nil)),
        ] {
            #expect(answer.revision == written)
            #expect(answer.nodes.first { $0.entity.id == "baku" }?.entity.name == "Baku")
        }
        // An entity's record is read from the file, whose snapshot is a revision newer: the kept name "Baku" beside
        // it would mix two revisions, so the whole answer is read again at the newer one.
        let read = EntityQuery(id: "azerbaijan")
        for answer in [
            try #require(try fixture.store.answerAtOnce(read, budget: .seconds(10), deadline: nil)),
            try await fixture.store.run(read),
        ] {
            #expect(answer.revision == written + 1)
            #expect(answer.neighbors.first { $0.id == "baku" }?.name == "Bakı")
        }
    }

    @Test func prewarmingKeepsRecordsInIdOrderUntilTheBudgetIsSpent() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let connection = try Connection.reader(path: fixture.directory.databasePath)
        let entities = try connection.prepare("SELECT id, kind, name FROM entities ORDER BY id").map { row in
            EntityRef(id: row.text(0), kind: try StoredValue.kind(row.text(1)), name: row.text(2))
        }
        let ids = entities.map(\.id)
        let relations = try connection.prepare("SELECT id FROM relations ORDER BY id").map { $0.text(0) }
        let budget = entities.prefix(3).reduce(0) { $0 + $1.cachedBytes }
        let caches = StoreCaches(
            refs: RecordCache(budget: budget),
            edges: RecordCache(budget: 1 << 20),
            relations: RecordCache(budget: 0)
        )
        try connection.read { connection in try Prewarm.fill(caches, connection) }
        var asked: [String] = []
        let kept = try caches.refs.values(ids, at: 1) { missing in
            asked = missing
            return [:]
        }
        #expect(kept.compactMap { $0 } == Array(entities.prefix(3)))
        #expect(Set(asked) == Set(ids.dropFirst(3)))
        let edges = try caches.edges.values(relations, at: 1) { missing in
            Issue.record("edges not kept: \(missing)")
            return [:]
        }
        #expect(edges.map { $0?.id } == relations)
        #expect(edges.allSatisfy { $0?.json.isEmpty == false })
    }

    @Test func oneBudgetIsSplitAcrossTheCachesAndNoneKeepsNothing() async throws {
        let split = StoreCaches(bytes: 400 << 20)
        #expect(split.refs.budget == 50 << 20)
        #expect(split.relations.budget == 100 << 20)
        #expect(split.edges.budget == 250 << 20)
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let connection = try Connection.reader(path: fixture.directory.databasePath)
        let none = StoreCaches(bytes: 0)
        try connection.read { connection in try Prewarm.fill(none, connection) }
        let ids = try connection.prepare("SELECT id FROM entities ORDER BY id").map { $0.text(0) }
        var asked: [String] = []
        _ = try none.refs.values(ids, at: 1) { missing in
            asked = missing
            return [:]
        }
        #expect(!ids.isEmpty)
        #expect(asked == ids)
    }

    @Test func aCommitDropsWhatItChangedAndAGraphLoadedWholeDropsEverything() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let connection = try Connection.reader(path: fixture.directory.databasePath)
        let entities = try connection.prepare("SELECT id FROM entities ORDER BY id").map { $0.text(0) }
        let relations = try connection.prepare("SELECT id FROM relations ORDER BY id").map { $0.text(0) }
        let linked = try connection.prepare("SELECT from_id FROM relations UNION SELECT to_id FROM relations")
            .map { $0.text(0) }
        let citation = #""citations":[{"doc":"doc-b.txt","lines":[3,4]}]"#
        let caches = StoreCaches(bytes: 4 << 20)
        try connection.read { connection in try Prewarm.fill(caches, connection) }
        /// The ids each cache does not hold at `revision`, after moving it there as a reader at `revision` does:
        /// references, edges, and the nodes whose relations are not kept.
        func missing(at revision: Int64) throws -> (entities: Set<String>, relations: Set<String>, nodes: Set<String>) {
            try connection.read { connection in
                try caches.advance(to: revision) { after, limit in
                    try ChangeLog.changes(after: after, through: revision, limit: limit, connection)
                }
            }
            var missing: (entities: Set<String>, relations: Set<String>, nodes: Set<String>) = ([], [], [])
            _ = try caches.refs.values(entities, at: revision) { ids in
                missing.entities = Set(ids)
                return [:]
            }
            _ = try caches.edges.values(relations, at: revision) { ids in
                missing.relations = Set(ids)
                return [:]
            }
            _ = try caches.relations.values(linked, at: revision) { ids in
                missing.nodes = Set(ids)
                return [:]
            }
            return missing
        }
        #expect(try missing(at: 1) == ([], [], []))
        _ = try await fixture.live.write(
            upserts: [try self.record(#"{"record":"entity","id":"baku","kind":"place","name":"Baki",\#(citation)}"#)],
            retractions: []
        )
        #expect(try missing(at: 2) == (["baku"], [], []), "a change to no relation keeps every node's relations")
        try await self.renameBakuAndDescribeItsRelation(fixture)
        #expect(try missing(at: 3) == (["baku"], ["baku--located_in--azerbaijan"], Set(linked)))
        try await GraphLoader(directory: Fixtures.graph).load(into: fixture.store)
        #expect(try missing(at: 4) == (Set(entities), Set(relations), Set(linked)))
    }

    @Test(arguments: [UInt64(1), 2])
    func afterRandomWritesTheKeptRecordsAnswerAsReadsAnew(seed: UInt64) async throws {
        let fixture = try await FixtureStore.open(quickReaders: 1)
        defer { fixture.close() }
        _ = try await fixture.store.prewarm()
        let connection = try Connection.reader(path: fixture.directory.databasePath)
        let citation = [Citation(doc: "doc-a.txt", first: 5, last: 6)]
        var generator = SeededGenerator(seed: seed)
        for step in 0..<30 {
            let entities = try connection.prepare("SELECT id, kind FROM entities ORDER BY id").map { row in
                (id: row.text(0), kind: try StoredValue.kind(row.text(1)))
            }
            let pick = { entities[Int(generator.next() % UInt64(entities.count))] }
            let record: GraphRecord
            if generator.next() % 2 == 0 {
                let entity = pick()
                record = .entity(
                    EntityRecord(id: entity.id, kind: entity.kind, name: "Renamed \(step)", citations: citation)
                )
            } else {
                let (from, to) = (pick().id, pick().id)
                record = .relation(
                    RelationRecord(
                        id: "\(from)--cooperates_with--\(to)",
                        type: "cooperates_with",
                        from: from,
                        to: to,
                        summary: "Written at step \(step).",
                        citations: citation
                    )
                )
            }
            _ = try await fixture.live.write(upserts: [try JSONValue(writing: record)], retractions: [])
            for _ in 0..<3 {
                // Typed, one-way and paged steps too (a budget of 3 reads a page of 36 relations a node).
                let query = NeighborsQuery(
                    id: pick().id,
                    depth: 2,
                    relations: generator.next() % 3 == 0 ? ["cooperates_with", "located_in"] : [],
                    direction: [.both, .out, .in][Int(generator.next() % 3)],
                    limit: generator.next() % 2 == 0 ? 3 : 200
                )
                let anew = try connection.read { connection in
                    let context = QueryContext(deadline: nil)
                    return try query.answer(
                        from: GraphReader(rows: SQLiteRows(connection: connection, context: context), context: context)
                    )
                }
                #expect(try await fixture.store.run(query) == anew, "step \(step)")
                #expect(try fixture.store.answerAtOnce(query, budget: .seconds(10), deadline: nil) == anew)
            }
        }
    }
}
