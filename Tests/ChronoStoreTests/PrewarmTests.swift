import ChronoGraph
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

/// `GraphStore.prewarm()`: every page a reader later reads is already mapped in its view of the file.
@Suite("Prewarming the readers", .heavy)
struct PrewarmTests {
    /// Minor page faults of the calling thread so far.
    private static func threadFaults() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(1), &usage)  // RUSAGE_THREAD (Linux), which Glibc's module does not name
        return usage.ru_minflt
    }

    /// The page faults of reading the whole graph's counts (every table's pages) on one of `store`'s readers,
    /// and the counts.
    private static func countingFaults(_ store: GraphStore) async throws -> (faults: Int, counts: StatsCounts) {
        try await store.read(deadline: nil) { connection, context in
            let before = Self.threadFaults()
            let counts = try SQLiteRows(connection: connection, context: context).counts().counts
            return (Self.threadFaults() - before, counts)
        }
    }

    @Test func aPrewarmedReaderReadsTheGraphWithoutFaultingItsPagesIn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let graph = RandomGraph(nodes: 20_000, edges: 60_000, seed: 9)
        let url = try graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        let loaded = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: url).load(into: loaded)

        let cold = try await Self.countingFaults(try await GraphStore.open(path: directory.databasePath))
        let warmed = try await GraphStore.open(path: directory.databasePath)
        let read = try await warmed.prewarm()
        let warm = try await Self.countingFaults(warmed)

        #expect(read.trees >= 20, "\(read.trees) B-trees")
        #expect(read.pages > 1_000, "\(read.pages) pages")
        #expect(warm.counts == cold.counts)
        #expect(cold.counts.relations == graph.relations.count)
        // A fresh reader faults in the pages it reads (sixteen at a time at most, as Linux maps the neighbours of
        // a faulting page that are in memory); a prewarmed one has them mapped.
        #expect(cold.faults > 40, "\(cold.faults) faults cold")
        #expect(warm.faults * 4 < cold.faults, "\(warm.faults) faults warm, \(cold.faults) cold")
    }
}
