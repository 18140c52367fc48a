import ChronoCompression
import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import Testing

@Suite(.heavy, .timeLimit(.minutes(2))) struct SnapshotTests {
    @Test func roundTripThroughExportAndImportGivesByteIdenticalCanonicalExport() async throws {
        let source = try await LiveFixture.make()
        let target = try await LiveFixture.make()
        defer {
            source.remove()
            target.remove()
        }
        _ = try await source.live.write(
            upserts: [LiveFixture.eventRecord("event-extra", year: 2004, title: "Extra", agent: 2, target: 9)],
            retractions: ["event-007"]
        )
        let created = try await source.live.createSnapshot()
        let exported = try await source.live.archive(created.id)
        let imported = try await target.live.importSnapshot(
            SnapshotArchive(manifest: exported.manifest, compressed: try exported.compressed())
        )
        _ = try await target.live.restore(imported.id)
        let again = try await target.live.archive(try await target.live.createSnapshot().id)
        let original = try GzipInflater.decompress(try exported.compressed(), expectedSize: exported.manifest.size)
        let restored = try GzipInflater.decompress(try again.compressed(), expectedSize: again.manifest.size)
        #expect(restored == original)
        #expect(again.manifest.sha256 == created.sha256)
        #expect(again.manifest.records == created.records)
        #expect(created.records["event"] == LiveFixture.eventCount)
    }

    @Test func flippedByteTruncationAndSizeLieAreDataLossAndChangeNothing() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let manifest = try await fixture.live.createSnapshot()
        let archive = try await fixture.live.archive(manifest.id)
        let revision = try await fixture.live.store.revision()
        let other = try await LiveFixture.make()
        defer { other.remove() }
        let bytes = try archive.compressed()
        var flipped = bytes
        flipped[flipped.count / 2] ^= 0x40
        var bomb = archive.manifest
        bomb.size /= 2
        let cases: [(String, SnapshotArchive)] = [
            ("flipped", SnapshotArchive(manifest: archive.manifest, compressed: flipped)),
            (
                "truncated",
                SnapshotArchive(manifest: archive.manifest, compressed: Array(bytes.dropLast(9)))
            ),
            ("size lie", SnapshotArchive(manifest: bomb, compressed: bytes)),
        ]
        for (name, bad) in cases {
            let error = await #expect(throws: ChronoError.self, "\(name)") {
                try await other.live.importSnapshot(bad)
            }
            #expect(error?.code == .dataLoss, "\(name): \(error?.message ?? "")")
        }
        let truncatedWithMatchingManifest = Array(bytes.dropLast(9))
        var lying = archive.manifest
        lying.compressedSize = truncatedWithMatchingManifest.count
        lying.compressedSHA256 = SnapshotArchive.sha256(truncatedWithMatchingManifest)
        let error = await #expect(throws: ChronoError.self) {
            try await other.live.importSnapshot(
                SnapshotArchive(manifest: lying, compressed: truncatedWithMatchingManifest)
            )
        }
        #expect(error?.code == .dataLoss)
        #expect(try await other.live.snapshots().isEmpty)
        #expect(try await fixture.live.store.revision() == revision)
    }

    @Test func canonicalExportReadsBackEveryLoadedRecordExactly() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let archive = try await fixture.live.archive(try await fixture.live.createSnapshot().id)
        let exported = try archive.unpack()
        let parser = GraphRecordParser()
        let source = fixture.directory.appending("graph/records.jsonl")
        let lines = try String(contentsOf: source, encoding: .utf8).split(separator: "\n").map(String.init)
        let expected = Set(try lines.map { try parser.parse($0) })
        let actual = Set(try exported.map { try parser.parse($0.value) })
        #expect(actual == expected)
        #expect(Set(exported.map(\.line)) == Set(lines))
        #expect(exported.map(\.key) == exported.map(\.key).sorted())
    }

    @Test func zcatOfAnExportedSnapshotPrintsTheCanonicalRecords() async throws {
        guard
            let zcat = ["/usr/bin/zcat", "/bin/zcat"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            print("zcat is not installed: skipping")
            return
        }
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let archive = try await fixture.live.archive(try await fixture.live.createSnapshot().id)
        let file = fixture.directory.appending("export.jsonl.gz")
        try Data(try archive.compressed()).write(to: file)
        let output = try await ChildProcess.run(zcat, [file.path])
        let expected = try archive.unpack().map { $0.line + "\n" }.joined()
        #expect(output.status == 0)
        #expect(output.stdout == expected)
    }

    @Test func restoreUnderConcurrentReadsShowsTheOldGraphOrTheNewNeverAMix() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let live = fixture.live
        let query = TimelineQuery(limit: 500)
        let original = Set(try await live.store.run(query).events.map(\.id))
        let snapshot = try await live.createSnapshot()
        let added = (0..<15).map {
            LiveFixture.eventRecord(
                "event-later-\($0)",
                year: 2000 + $0,
                title: "Later \($0)",
                agent: $0,
                target: $0 + 4
            )
        }
        _ = try await live.write(upserts: added, retractions: (0..<15).map { "event-\(String(format: "%03d", $0))" })
        let changed = Set(try await live.store.run(query).events.map(\.id))
        let seen = try await withThrowingTaskGroup(of: [Set<String>].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    var seen: [Set<String>] = []
                    for _ in 0..<40 { seen.append(Set(try await live.store.run(query).events.map(\.id))) }
                    return seen
                }
            }
            group.addTask {
                _ = try await live.restore(snapshot.id)
                return []
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(original != changed)
        #expect(seen.allSatisfy { $0 == original || $0 == changed })
        #expect(Set(try await live.store.run(query).events.map(\.id)) == original)
    }

    @Test func asOfReadsAndDiffSeeTheSnapshotNotTheLiveGraph() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let snapshot = try await fixture.live.createSnapshot()
        _ = try await fixture.live.write(
            upserts: [LiveFixture.entityRecord(5, summary: "Changed later.")],
            retractions: []
        )
        let past = try await fixture.live.reader(asOf: snapshot.id).run(EntityQuery(id: "entity-005"), deadline: nil)
        let now = try await fixture.live.store.run(EntityQuery(id: "entity-005"))
        let diff = try await fixture.live.diff(from: snapshot.id, to: nil)
        #expect(past.entity.summary == "Generated entity 5.")
        #expect(past.revision == snapshot.revision)
        #expect(now.entity.summary == "Changed later.")
        #expect(diff.changed == [RecordKey(kind: .entity, id: "entity-005")])
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
    }
}
