import ChronoGraph
import ChronoProtocol
import ChronoStore
import Foundation
import Testing

@Suite("The repository's Graph/ data", .timeLimit(.minutes(2)))
struct GraphDataTests {
    @Test func loadsIntoAFreshDatabaseWithEveryReferenceResolved() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graphdata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await GraphStore.open(path: directory.appendingPathComponent("graph.sqlite").path)
        let report = try await GraphLoader(directory: RepositoryGraph.directory).load(into: store)
        let records = try RepositoryGraph.records()
        #expect(report.records == records.count)
        let stats = try await store.stats()
        #expect(stats.counts.documents == 5)
        #expect(stats.counts.entities == records.filter { $0.record.kind == "entity" }.count)
        #expect(stats.counts.events == records.filter { $0.record.kind == "event" }.count)
        #expect(stats.counts.relations == records.filter { $0.record.kind == "relation" }.count)
        #expect(stats.counts.entities > 0 && stats.counts.events > 0 && stats.counts.relations > 0)
    }

    @Test func everyFactIsCitedAndEveryDateIsValidEDTF() throws {
        // Parsing already rejects invalid EDTF and empty citation lists; this states it per record kind.
        var uncited: [String] = []
        for located in try RepositoryGraph.records() {
            switch located.record {
            case .entity(let record) where record.citations.isEmpty: uncited.append(record.id)
            case .event(let record) where record.citations.isEmpty: uncited.append(record.id)
            case .relation(let record) where record.citations.isEmpty: uncited.append(record.id)
            case .figure(let record) where record.citations.isEmpty: uncited.append(record.id)
            case .dispute(let record) where record.claims.contains(where: \.citations.isEmpty): uncited.append(record.id)
            default: break
            }
        }
        #expect(uncited.isEmpty, "records without citations: \(uncited)")
    }

    @Test func everyRecordUsesTheVocabulary() throws {
        let data = try Data(contentsOf: RepositoryGraph.directory.appendingPathComponent("vocabulary.json"))
        let vocabulary = try Vocabulary(json: Array(data))
        #expect(Set(vocabulary.entityKinds.values.flatMap { $0 }) == Set(EntityKind.allCases.map(\.rawValue)))
        var outside: [String] = []
        for located in try RepositoryGraph.records() {
            switch located.record {
            case .event(let event):
                if vocabulary.eventTypes[event.type] == nil { outside.append("\(event.id): type \(event.type)") }
                for participant in event.participants where !vocabulary.participantRoles.contains(participant.role) {
                    outside.append("\(event.id): role \(participant.role)")
                }
            case .relation(let relation) where vocabulary.relationTypes[relation.type] == nil:
                outside.append("\(relation.id): type \(relation.type)")
            default: break
            }
        }
        #expect(outside.isEmpty, "\(outside)")
    }
}
