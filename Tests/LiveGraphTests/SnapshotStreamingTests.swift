import ChronoCompression
import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoStore

/// Snapshots are packed, checked, loaded and compared as streams: however the records are batched and the
/// bytes flushed, the snapshot is the same; an archive out of canonical order is refused; the streamed
/// comparison finds what comparing whole graphs finds; a stored archive is written and read a chunk at a time
/// (also through `ArchiveStream`, as `Snapshot/Export` reads it) and checked as read back.
@Suite(.heavy, .timeLimit(.minutes(2))) struct SnapshotStreamingTests {
    @Test(arguments: [1, 2, 7, 1_000])
    func anyBatchAndFlushSizeGivesTheSameSnapshot(batchSize: Int) async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let created = try await fixture.live.createSnapshot()
        let archive = try await fixture.live.store.read(deadline: nil) { connection, _ in
            var records = RecordExporter(connection: connection).records(batchSize: batchSize)
            return try SnapshotArchive.pack(&records, revision: try GraphStore.revision(connection), flushSize: 100)
        }
        #expect(archive.manifest.id == created.id)
        #expect(archive.manifest.sha256 == created.sha256)
        #expect(archive.manifest.records == created.records)
        let stored = try await fixture.live.archive(created.id)
        #expect(try archive.unpack() == (try stored.unpack()))
    }

    @Test(arguments: [1, 2, 3, 1_000])
    func idsPagedFromTheIndexComeInCanonicalOrder(batchSize: Int) async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        // Ids are slugs; byte order puts "-" before digits before letters and a prefix first (a locale's
        // collation, which skips punctuation, would not).
        let ids = ["entity-z", "entity-a0", "entity-a-b", "entity-a", "entity-ab", "entity-9"]
        let upserts = try ids.enumerated().map { index, id in
            guard case .object(var members) = LiveFixture.entityRecord(index) else { throw ChronoError.internal() }
            members["id"] = .string(id)
            return JSONValue.object(members)
        }
        _ = try await fixture.live.write(upserts: upserts, retractions: [])
        let keys = try await fixture.live.store.read(deadline: nil) { connection, _ in
            var records = RecordExporter(connection: connection).records(batchSize: batchSize)
            return try records.collect().map(\.key)
        }
        #expect(keys == keys.sorted())
        #expect(Set(keys).count == keys.count)
        let entities = keys.filter { $0.kind == .entity && $0.id.hasPrefix("entity-") }.map(\.id)
        #expect(entities.count == LiveFixture.entityCount + ids.count)
        #expect(entities.suffix(5) == ["entity-a", "entity-a-b", "entity-a0", "entity-ab", "entity-z"])
    }

    @Test func anArchiveOutOfCanonicalOrderIsDataLossAndNotImported() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let archive = try await fixture.live.archive(try await fixture.live.createSnapshot().id)
        var lines = try archive.unpack().map(\.line)
        lines.swapAt(3, 4)
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        let compressed = try GzipDeflater.compress(bytes)
        var manifest = archive.manifest
        manifest.sha256 = SnapshotArchive.sha256(bytes)
        manifest.id = "r\(manifest.revision)-\(manifest.sha256.prefix(12))"
        manifest.size = bytes.count
        manifest.compressedSize = compressed.count
        manifest.compressedSHA256 = SnapshotArchive.sha256(compressed)
        let other = try await LiveFixture.make()
        defer { other.remove() }
        let error = await #expect(throws: ChronoError.self) {
            try await other.live.importSnapshot(SnapshotArchive(manifest: manifest, compressed: compressed))
        }
        #expect(error?.code == .dataLoss)
        #expect(error?.message.contains("line 5 is out of canonical order") == true, "\(error?.message ?? "")")
        #expect(try await other.live.snapshots().isEmpty)
    }

    @Test func anArchiveOfSeveralChunksRoundTripsThroughTheStoredBlob() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        var random = SeededGenerator(seed: 19)
        let records = (0..<18_000).map { index in
            let id = "doc-\(String(format: "%05d", index))"
            let text = String((0..<240).map { _ in "0123456789abcdef".randomElement(using: &random)! })
            return CanonicalRecord(
                kind: .document,
                id: id,
                value: .object(["record": "document", "id": .string(id), "text": .string(text)])
            )
        }
        var list = CanonicalRecordList(records)
        let archive = try SnapshotArchive.pack(&list, revision: 7)
        let bytes = try archive.compressed()
        try #require(bytes.count > 2 * StoredArchive.chunk)
        let manifest = String(decoding: try WireWriter.bytes(of: archive.manifest), as: UTF8.self)
        try await fixture.live.store.writer.run(deadline: nil) { connection, _ in
            try StoredArchive.store(archive, manifest: manifest, createdMs: 0, in: connection)
        }
        let stored = try await fixture.live.archive(archive.manifest.id)
        #expect(stored.source is StoredArchive)
        #expect(try stored.compressed() == bytes)
        #expect(try stored.unpack() == records)
        for maximum in [100_000, 256 * 1024, StoredArchive.chunk + 1] {
            let stream = ArchiveStream(stored.source)
            var streamed: [UInt8] = []
            var withinMaximum = true
            while case let piece = try await stream.read(maximum: maximum), !piece.isEmpty {
                withinMaximum = withinMaximum && piece.count <= maximum
                streamed += piece
            }
            #expect(streamed == bytes, "\(maximum) bytes at a time")
            #expect(withinMaximum, "\(maximum) bytes at a time")
        }
        #expect(try await fixture.live.snapshots() == [archive.manifest])
    }

    @Test func aTruncatedOrCorruptedStoredBlobIsDataLossAndChangesNothing() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let id = try await fixture.live.createSnapshot().id
        _ = try await fixture.live.write(
            upserts: [LiveFixture.eventRecord("event-extra", year: 2004, title: "Extra", agent: 2, target: 9)],
            retractions: []
        )
        let revision = try await fixture.live.store.revision()
        let damages = [
            (
                "corrupted", "UPDATE snapshots SET data = zeroblob(length(data)) WHERE id = ?",
                "compressed_sha256 does not match"
            ),
            ("truncated", "UPDATE snapshots SET data = substr(data, 1, length(data) - 9) WHERE id = ?", "truncated?"),
        ]
        for (name, damage, message) in damages {
            try await fixture.live.store.writer.run(deadline: nil) { connection, _ in
                try connection.prepare(damage).run([.text(id)])
            }
            let restoreError = await #expect(throws: ChronoError.self, "\(name)") {
                try await fixture.live.restore(id)
            }
            #expect(restoreError?.code == .dataLoss, "\(name)")
            #expect(restoreError?.message.contains(message) == true, "\(name): \(restoreError?.message ?? "")")
            let readError = await #expect(throws: ChronoError.self, "\(name)") {
                try await fixture.live.reader(asOf: id)
            }
            #expect(readError?.code == .dataLoss, "\(name)")
        }
        #expect(try await fixture.live.store.revision() == revision)
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func theStreamedDifferenceIsWhatComparingWholeGraphsFinds(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let keys = (0..<60).map { RecordKey(kind: RecordKind.allCases[$0 % 6], id: "r\($0 / 6)") }
        func state() -> [RecordKey: String] {
            var records: [RecordKey: String] = [:]
            for key in keys where Int.random(in: 0..<3, using: &random) > 0 {
                records[key] = "v\(Int.random(in: 0..<2, using: &random))"
            }
            return records
        }
        let (old, new) = (state(), state())
        func stream(_ records: [RecordKey: String]) -> CanonicalRecordList {
            CanonicalRecordList(
                records.keys.sorted().map { key in
                    CanonicalRecord(
                        kind: key.kind,
                        id: key.id,
                        value: .object(["id": .string(key.id), "v": .string(records[key]!)])
                    )
                }
            )
        }
        var before = stream(old)
        var after = stream(new)
        let difference = try CanonicalDifference(old: &before, new: &after)
        #expect(difference.added.map(\.key) == new.keys.filter { old[$0] == nil }.sorted())
        #expect(difference.removed == old.keys.filter { new[$0] == nil }.sorted())
        let changed = new.keys.filter { key in old[key].map { $0 != new[key] } ?? false }
        #expect(difference.changed.map(\.key) == changed.sorted())
        #expect(difference.upserts.map(\.key) == (difference.added + difference.changed).map(\.key).sorted())
    }
}
