import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

@Suite("Random write sequences against a model", .heavy, .timeLimit(.minutes(1)))
struct GraphWritePropertyTests {
    private static let citation = [Citation(doc: "doc-a.txt", first: 5, last: 6)]

    @Test(arguments: [UInt64(1), 2, 3])
    func exportAlwaysEqualsTheModel(seed: UInt64) async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let store = fixture.store
        let live = fixture.live
        var model: [String: GraphRecord] = [:]
        for record in try await store.export().records { model["\(record.kind)/\(record.id)"] = record }
        var generator = SeededGenerator(seed: seed)
        var revision: Int64 = 1
        for step in 0..<40 {
            let entities = model.values.compactMap { record -> EntityRecord? in
                if case .entity(let entity) = record { return entity }
                return nil
            }.sorted { $0.id < $1.id }
            let relations = model.values.compactMap { record -> RelationRecord? in
                if case .relation(let relation) = record { return relation }
                return nil
            }.sorted { $0.id < $1.id }
            var upserts: [GraphRecord] = []
            var retractions: [String] = []
            switch generator.next() % 4 {
            case 0:
                upserts = [
                    .entity(
                        EntityRecord(id: "place-\(step)", kind: .place, name: "Place \(step)", citations: Self.citation)
                    )
                ]
            case 1:
                var entity = entities[Int(generator.next() % UInt64(entities.count))]
                entity.summary = "revised at step \(step)"
                entity.aliases.append("Alias \(step)")
                upserts = [.entity(entity)]
            case 2:
                let from = entities[Int(generator.next() % UInt64(entities.count))].id
                let to = entities[Int(generator.next() % UInt64(entities.count))].id
                upserts = [
                    .relation(
                        RelationRecord(
                            id: "\(from)--cooperates_with--\(to)--\(step + 2)",
                            type: "cooperates_with",
                            from: from,
                            to: to,
                            citations: Self.citation
                        )
                    )
                ]
            default:
                let pick = generator.next() % 2 == 0 && !relations.isEmpty
                retractions = [
                    pick
                        ? relations[Int(generator.next() % UInt64(relations.count))].id
                        : entities[Int(generator.next() % UInt64(entities.count))].id
                ]
            }
            let values = try upserts.map { try JSONValue(writing: $0) }
            do {
                revision = try await live.write(upserts: values, retractions: retractions).revision
                for record in upserts { model["\(record.kind)/\(record.id)"] = record }
                for id in retractions { model = model.filter { $0.value.id != id } }
            } catch let error as GraphError {
                guard case .refusedRetraction(_, .stillReferenced) = error else {
                    Issue.record("step \(step): \(error)")
                    continue
                }
                #expect(!retractions.isEmpty)
            }
            let exported = try await store.export()
            #expect(exported.revision == revision)
            #expect(Set(exported.records) == Set(model.values), "step \(step)")
        }
        #expect(revision > 20)
    }
}
