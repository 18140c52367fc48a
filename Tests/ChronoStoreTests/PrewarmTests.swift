import ChronoGraph
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

/// `GraphStore.prewarm()`: every page of the file is mapped, and resident, in each reader's view of it before
/// the first call reads, the quick readers' too.
@Suite("Prewarming the readers", .heavy)
struct PrewarmTests {
    /// The kilobytes of the file at `path` that this process has mapped and resident, over all its mappings
    /// (`/proc/self/smaps`): each reader connection maps the file on its own.
    private static func residentMappedKiB(of path: String) throws -> Int {
        // Read to the end: a /proc file reports size 0, which `String(contentsOfFile:)` takes at its word.
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        var inFile = false
        var total = 0
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let first = fields.first else { continue }
            if first.contains("-"), first.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                inFile = fields.count >= 6 && fields[5...].joined(separator: " ") == path
            } else if inFile, first == "Rss:", fields.count >= 2, let kib = Int(fields[1]) {
                total += kib
            }
        }
        return total
    }

    @Test func aPrewarmedStoreHasTheWholeFileMappedInEachReader() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let graph = RandomGraph(nodes: 20_000, edges: 60_000, seed: 9)
        let url = try graph.write(to: directory.url, vocabulary: Repository.url("Graph/vocabulary.json"))
        let path = URL(fileURLWithPath: directory.databasePath).resolvingSymlinksInPath().path
        let loaded = try await GraphStore.open(path: path)
        try await GraphLoader(directory: url).load(into: loaded)

        let store = try await GraphStore.open(path: path, readers: 2, quickReaders: 1)
        let before = try Self.residentMappedKiB(of: path)
        let read = try await store.prewarm()
        let after = try Self.residentMappedKiB(of: path)
        let fileKiB = Int(read.pages) * 4

        #expect(read.trees >= 20, "\(read.trees) B-trees")
        #expect(read.pages > 1_000, "\(read.pages) pages")
        // The two readers and the quick one map (nearly) the whole file: every page but free ones and the
        // overflow pages of long rows.
        #expect(after - before > 3 * fileKiB * 9 / 10, "\(before) KiB mapped before, \(after) after, file \(fileKiB)")
        let counts = try await store.run(StatsQuery()).counts
        #expect(counts.relations == graph.relations.count)
        #expect(counts.entities == graph.nodes.count)
    }
}
