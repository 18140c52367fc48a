import ChronoGraph
import ChronoProtocol
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
        #expect(self.names(try cache.values(["c"], at: 1) { backend.read($0, at: 1) }) == ["c": "C"])
        #expect(
            self.names(try cache.values(["a", "b", "c"], at: 1) { backend.read($0, at: 1) }) == [
                "a": "A", "b": "B", "c": "C",
            ]
        )
        #expect(backend.asked == [["a", "b"], ["c"], ["c"]])
        // A newer revision empties it, so it fills again.
        _ = try cache.values(["c"], at: 2) { backend.read($0, at: 1) }
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
        for answer in [
            try await fixture.store.run(query),
            try #require(try fixture.store.answerAtOnce(query, budget: .seconds(10), deadline: nil)),
        ] {
            let after = try baku(answer)
            #expect(after.name == "Bakı")
            #expect(after.edge?.contains("Founded on the coast.") == true)
        }
    }
}
