import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import Testing

@Suite("The repository's Graph/ data", .heavy, .timeLimit(.minutes(2)))
struct GraphDataTests {
    @Test func loadsIntoAFreshDatabaseWithEveryReferenceResolved() async throws {
        let directory = try TemporaryDirectory(prefix: "graphdata")
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        let report = try await GraphLoader(directory: RepositoryGraph.directory).load(into: store)
        let records = try RepositoryGraph.records()
        #expect(report.records == records.count)
        let stats = try await store.run(StatsQuery())
        #expect(stats.counts.documents == 5)
        #expect(stats.counts.entities == records.filter { $0.record.kind == .entity }.count)
        #expect(stats.counts.events == records.filter { $0.record.kind == .event }.count)
        #expect(stats.counts.relations == records.filter { $0.record.kind == .relation }.count)
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
            case .dispute(let record) where record.claims.contains(where: \.citations.isEmpty):
                uncited.append(record.id)
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

@Suite("Citations of the repository's Graph/ against the source documents", .heavy, .timeLimit(.minutes(2)))
struct GraphCitationTests {
    /// Runs only where the seed documents sit beside the repository (`../shared/seeds`) or at
    /// `/work/shared/seeds`; they are not part of the repository, so elsewhere this is skipped.
    @Test(.enabled(if: RepositoryGraph.seeds != nil, "the seed documents are not beside the repository"))
    func everyCitationHoldsWhatItsRecordSays() throws {
        let seeds = try #require(RepositoryGraph.seeds)
        let problems = try CitationCheck(records: RepositoryGraph.records(), seeds: seeds).problems()
        #expect(
            problems.isEmpty,
            "\(problems.count) records fail the citation check:\n\(problems.joined(separator: "\n"))"
        )
    }
}

extension GraphCitationTests {
    @Test(.enabled(if: RepositoryGraph.seeds != nil, "the seed documents are not beside the repository"))
    func citationCheckCatchesMovedCitations() throws {
        let seeds = try #require(RepositoryGraph.seeds)
        let moved = try RepositoryGraph.records().map { located -> LocatedRecord in
            guard case .event(var event) = located.record else { return located }
            event.citations = event.citations.map { Citation(doc: $0.doc, first: 1, last: 1) }
            return LocatedRecord(record: .event(event), origin: located.origin)
        }
        let problems = try CitationCheck(records: moved, seeds: seeds).problems()
        let events = moved.filter { $0.record.kind == .event }.count
        #expect(problems.count > events / 2, "only \(problems.count) of \(events) moved events caught")
    }
}
