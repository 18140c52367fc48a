import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import Testing

@Suite("Queries over the repository's Graph/", .heavy, .timeLimit(.minutes(2)))
struct RealGraphQueryTests {
    private func withStore(_ body: (GraphStore, [LocatedRecord]) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "realgraph")
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: RepositoryGraph.directory).load(into: store)
        try await body(store, try RepositoryGraph.records())
    }

    @Test func timelinePagesThroughEveryEventInOrder() async throws {
        try await self.withStore { store, records in
            var events: [Event] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await store.run(TimelineQuery(limit: 37, cursor: cursor))
                events += page.events
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 1_000
            #expect(events.map(\.id).sorted() == records.filter { $0.record.kind == .event }.map(\.record.id).sorted())
            let keys = events.map { event in
                (event.date.edtf.strict.lower?.ordinal ?? Int.min, event.date.edtf.precision, event.id)
            }
            let ordered = zip(keys, keys.dropFirst()).allSatisfy { a, b in
                a.0 != b.0 ? a.0 < b.0 : a.1 != b.1 ? a.1 < b.1 : a.2 < b.2
            }
            #expect(ordered)
            #expect(events.allSatisfy { !$0.citations.isEmpty && !$0.participants.isEmpty })
        }
    }

    @Test func everyEntityResolvesByIDAndByName() async throws {
        try await self.withStore { store, records in
            for case .entity(let entity) in records.map(\.record) {
                #expect(try await store.run(EntityQuery(id: entity.id)).entity.ref.id == entity.id)
                do {
                    let resolved = try await store.resolve(entity.name)
                    #expect(resolved.id == entity.id)
                } catch let error as AmbiguousEntityError {
                    #expect(error.candidates.map(\.id).contains(entity.id))
                }
            }
        }
    }

    @Test func traversalsAnswerFromTheMostConnectedEntity() async throws {
        try await self.withStore { store, records in
            var degree: [String: Int] = [:]
            for case .relation(let relation) in records.map(\.record) {
                degree[relation.from, default: 0] += 1
                degree[relation.to, default: 0] += 1
            }
            let hub = try #require(degree.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
            let neighborhood = try await store.run(NeighborsQuery(id: hub, depth: 2, limit: 10_000))
            #expect(
                neighborhood.nodes.filter { $0.depth == 1 }.count
                    == Set(
                        records.compactMap { located -> String? in
                            guard case .relation(let relation) = located.record else { return nil }
                            return relation.from == hub ? relation.to : relation.to == hub ? relation.from : nil
                        }
                    ).subtracting([hub]).count
            )
            let far = try #require(neighborhood.nodes.last)
            let paths = try await store.run(PathsQuery(from: hub, to: far.entity.id, k: 3))
            #expect(paths.paths.first?.length == far.depth)
            let search = try await store.run(SearchQuery(text: "migration"))
            #expect(!search.results.isEmpty)
            let stats = try await store.run(StatsQuery())
            #expect(stats.counts.citations > stats.counts.entities)
        }
    }
}
