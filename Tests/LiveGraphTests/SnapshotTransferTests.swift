import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoTesting
import Foundation
import Logging
import Synchronization
import Testing

@testable import ChronoStore

/// `Snapshot/Export` streams an archive larger than one frame in pieces and `Snapshot/Import` takes one back in
/// pieces, over a real server on 127.0.0.1.
@Suite(.heavy, .timeLimit(.minutes(2))) struct SnapshotTransferTests {
    /// A fixture whose snapshot's archive is about 700 KB (three export pieces), and that snapshot.
    static func large() async throws -> (LiveFixture, SnapshotManifest) {
        let fixture = try await LiveFixture.make()
        try await fixture.addNoise(count: 2_000, length: 700)
        let manifest = try await fixture.live.createSnapshot()
        try #require(manifest.compressedSize > 2 * 256 * 1024, "the archive should take three pieces")
        return (fixture, manifest)
    }

    /// The data frames and the terminal frame of `Snapshot/Export` of `id`.
    static func export(_ id: String, port: Int) async throws -> (pieces: [JSONValue], end: Response?) {
        let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
        var pieces: [JSONValue] = []
        var end: Response?
        for try await frame in client.stream(.snapshotExport, params: ["id": .string(id)]) {
            switch frame {
            case .data(let data): pieces.append(data.data)
            case .terminal(let response): end = response
            }
        }
        try await client.close()
        return (pieces, end)
    }

    @Test func anExportLargerThanOnePieceArrivesInContiguousFramesThatAreTheStoredArchive() async throws {
        let (fixture, manifest) = try await Self.large()
        defer { fixture.remove() }
        let (pieces, end) = try await withServer(live: fixture.live) { port in
            try await Self.export(manifest.id, port: port)
        }
        #expect(end?.status == .ok)
        #expect(end?.result?["frames"]?.intValue == Int64(pieces.count))
        #expect(end?.result?["manifest"]?["compressed_sha256"]?.stringValue == manifest.compressedSHA256)
        #expect(pieces.count == (manifest.compressedSize + 256 * 1024 - 1) / (256 * 1024))
        var bytes: [UInt8] = []
        for piece in pieces {
            #expect(piece["offset"]?.intValue == Int64(bytes.count))
            let data = try #require(piece["data"]?.stringValue.flatMap { Data(base64Encoded: $0) })
            #expect(data.count <= 256 * 1024)
            bytes += data
        }
        #expect(bytes == (try await fixture.live.archive(manifest.id).compressed()))
        let records = try await fixture.live.store.read(deadline: nil) { connection, _ in
            var records = RecordExporter(connection: connection).records()
            return try records.collect().map(\.line)
        }
        #expect(records.count == manifest.records.values.reduce(0, +) && records.count > 2_000)
        #expect(try SnapshotArchive(manifest: manifest, compressed: bytes).unpack().map(\.line) == records)
    }

    /// An export waiting between pieces (a client slow to read) holds no read transaction: meanwhile a write
    /// lands and the WAL is checkpointed to its end and truncated (`busy` 0), and the rest still reads as stored.
    @Test func anExportWaitingBetweenPiecesLeavesTheWALFreeToBeCheckpointed() async throws {
        let (fixture, manifest) = try await Self.large()
        defer { fixture.remove() }
        let reader = try await fixture.live.archive(manifest.id).source.open()
        var bytes = try reader.read(maximum: 256 * 1024)
        #expect(bytes.count == 256 * 1024)
        try await fixture.addNoise(count: 1, length: 32, seed: 7)
        let checkpointer = try Connection(path: fixture.directory.appending("live.sqlite").path, busyTimeout: 100)
        let busy = try checkpointer.cached("PRAGMA wal_checkpoint(TRUNCATE)").first { $0.int64(0) }
        #expect(busy == 0)
        while case let piece = try reader.read(maximum: 256 * 1024), !piece.isEmpty { bytes += piece }
        #expect(bytes == (try await fixture.live.archive(manifest.id).compressed()))
    }

    /// The handler as a session runs it: a send made once the call is cancelled throws, as `Session`'s does.
    @Test func aCancelledExportStopsBetweenFrames() async throws {
        let (fixture, manifest) = try await Self.large()
        defer { fixture.remove() }
        let descriptor = try Dispatcher.serving(live: fixture.live).method(named: MethodName.snapshotExport.rawValue)
            .descriptor
        let sent = Mutex<[Int64]>([])
        let context = CallContext(
            id: .int(1),
            params: ["id": .string(manifest.id)],
            logger: Logger(label: "test"),
            sendData: { data in
                try Task.checkCancellation()
                let offset = try wireForm(data)["offset"]?.intValue ?? -1
                sent.withLock { $0.append(offset) }
                withUnsafeCurrentTask { $0?.cancel() }  // Call/Cancel arrives while the first piece is out
            },
            cancelCall: { _ in false }
        )
        await #expect(throws: CancellationError.self) { _ = try await descriptor.handler(context) }
        #expect(sent.withLock { $0 } == [0])
    }

    /// Sends `bytes` as the piece at `offset` of the archive `manifest` describes.
    static func send(
        _ bytes: ArraySlice<UInt8>,
        at offset: Int,
        of manifest: JSONValue,
        client: ChronoClient
    ) async throws -> Response {
        try await client.call(
            .snapshotImport,
            params: [
                "manifest": manifest, "data": .string(Data(bytes).base64EncodedString()), "offset": .int(Int64(offset)),
            ]
        )
    }

    /// Sends `bytes` in pieces of `pieceSize` from offset 0, and returns every answer.
    static func upload(
        _ bytes: [UInt8],
        of manifest: JSONValue,
        pieceSize: Int,
        client: ChronoClient
    ) async throws -> [Response] {
        var answers: [Response] = []
        for offset in stride(from: 0, to: bytes.count, by: pieceSize) {
            let piece = bytes[offset..<min(offset + pieceSize, bytes.count)]
            answers.append(try await Self.send(piece, at: offset, of: manifest, client: client))
        }
        return answers
    }

    /// A small fixture's snapshot: its manifest's wire form and its gzip bytes.
    static func small() async throws -> (LiveFixture, JSONValue, [UInt8]) {
        let fixture = try await LiveFixture.make()
        let manifest = try await fixture.live.createSnapshot()
        let bytes = try await fixture.live.archive(manifest.id).compressed()
        try #require(bytes.count > 2_000, "the tests send pieces of 1,000 bytes")
        return (fixture, try wireForm(manifest), bytes)
    }

    /// The files of `live`'s uploads directory.
    static func uploads(of live: LiveGraph) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: live.scratchDirectory + "/uploads")) ?? []
    }

    @Test func anExportImportedInPiecesIntoAnotherStoreHasTheSameManifestAndRecords() async throws {
        let (source, manifest) = try await Self.large()
        let target = try await LiveFixture.make()
        defer {
            source.remove()
            target.remove()
        }
        let (pieces, end) = try await withServer(live: source.live) { port in
            try await Self.export(manifest.id, port: port)
        }
        let bytes = pieces.compactMap { $0["data"]?.stringValue.flatMap { Data(base64Encoded: $0) } }
            .reduce([UInt8]()) { $0 + $1 }
        let wireManifest = try #require(end?.result?["manifest"])
        let (answers, listed, asOf) = try await withServer(live: target.live) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let answers = try await Self.upload(bytes, of: wireManifest, pieceSize: 300_000, client: client)
            let listed = try await client.call(.snapshotList).get()
            let asOf = try await client.call(.entityGet, params: ["id": "noise-01999", "as_of": .string(manifest.id)])
            try await client.close()
            return (answers, listed, asOf)
        }
        #expect(answers.count == 3)
        #expect(answers.map(\.status) == [.ok, .ok, .ok])
        #expect(
            answers.dropLast().map { $0.result } == [
                ["received": 300_000, "size": .int(Int64(bytes.count))],
                ["received": 600_000, "size": .int(Int64(bytes.count))],
            ]
        )
        #expect(answers.last?.result?["manifest"] == wireManifest)
        #expect(answers.last?.result?["received"]?.intValue == Int64(bytes.count))
        #expect(listed["snapshots"] == [wireManifest])
        #expect(asOf.status == .ok)
        let stored = try await target.live.archive(manifest.id)
        #expect(try stored.compressed() == bytes)
        #expect(try stored.unpack() == (try await source.live.archive(manifest.id).unpack()))
        #expect(Self.uploads(of: target.live).isEmpty)
    }

    @Test func aPieceAtAnyOffsetButTheBytesReceivedIsRefusedWithTheOffsetExpected() async throws {
        let (fixture, manifest, bytes) = try await Self.small()
        defer { fixture.remove() }
        let statuses = try await withServer(live: fixture.live) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let late = try await Self.send(bytes[1_000..<2_000], at: 1_000, of: manifest, client: client)
            let first = try await Self.send(bytes[0..<1_000], at: 0, of: manifest, client: client)
            let again = try await Self.send(bytes[0..<1_000], at: 0, of: manifest, client: client)
            let gap = try await Self.send(bytes[1_500...], at: 1_500, of: manifest, client: client)
            let rest = try await Self.send(bytes[1_000...], at: 1_000, of: manifest, client: client)
            try await client.close()
            return [late, first, again, gap, rest]
        }
        #expect(statuses.map(\.status) == [.failedPrecondition, .ok, .failedPrecondition, .failedPrecondition, .ok])
        #expect(statuses[0].message?.contains("expected 0") == true)
        #expect(statuses[2].message?.contains("expected 1000") == true)
        #expect(statuses[3].message?.contains("expected 1000") == true)
        #expect(statuses[1].result?["received"] == 1_000)
        #expect(statuses[4].result?["manifest"] == manifest)
    }

    @Test func anUploadResumesOnAnotherConnectionAtTheOffsetAnEmptyPieceAsksFor() async throws {
        let (fixture, manifest, bytes) = try await Self.small()
        defer { fixture.remove() }
        let answers = try await withServer(live: fixture.live) { port in
            let first = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let started = try await Self.send(bytes[0..<1_500], at: 0, of: manifest, client: first)
            try await first.close()
            let second = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let asked = try await Self.send([], at: 0, of: manifest, client: second)
            let rest = try await Self.send(bytes[1_500...], at: 1_500, of: manifest, client: second)
            try await second.close()
            return [started, asked, rest]
        }
        #expect(answers.map(\.status) == [.ok, .failedPrecondition, .ok])
        #expect(answers[1].message?.contains("expected 1500") == true)
        #expect(answers[2].result?["manifest"] == manifest)
        #expect(try await fixture.live.archive(try #require(manifest["id"]?.stringValue)).compressed() == bytes)
    }

    @Test func bytesPastTheManifestSizeAreRefusedAndTheUploadGoesOn() async throws {
        let (fixture, manifest, bytes) = try await Self.small()
        defer { fixture.remove() }
        let answers = try await withServer(live: fixture.live) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let first = try await Self.send(bytes[0..<1_000], at: 0, of: manifest, client: client)
            let over = try await Self.send((bytes + [0])[1_000...], at: 1_000, of: manifest, client: client)
            let rest = try await Self.send(bytes[1_000...], at: 1_000, of: manifest, client: client)
            try await client.close()
            return [first, over, rest]
        }
        #expect(answers.map(\.status) == [.ok, .invalidArgument, .ok])
        #expect(answers[1].message?.contains("compressed_size \(bytes.count)") == true)
        #expect(answers[2].result?["manifest"] == manifest)
    }

    @Test func aCorruptedLastPieceIsDataLossStoresNothingAndRemovesTheUpload() async throws {
        let (source, manifest, bytes) = try await Self.small()
        let target = try await LiveFixture.make()
        defer {
            source.remove()
            target.remove()
        }
        var flipped = bytes
        flipped[flipped.count - 20] ^= 0x01
        let corrupted = flipped
        let (answers, listed, uploads, retried) = try await withServer(live: target.live) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let answers = try await Self.upload(corrupted, of: manifest, pieceSize: 1_000, client: client)
            let listed = try await client.call(.snapshotList).get()
            let uploads = Self.uploads(of: target.live)
            let retried = try await Self.send(bytes[...], at: 0, of: manifest, client: client)
            try await client.close()
            return (answers, listed, uploads, retried)
        }
        #expect(answers.dropLast().allSatisfy { $0.status == .ok })
        #expect(answers.last?.status == .dataLoss)
        #expect(listed["snapshots"] == [])
        #expect(uploads.isEmpty)
        #expect(retried.result?["manifest"] == manifest)
    }

    @Test func aFifthUploadIsResourceExhaustedAndUploadsLeftByAnEarlierRunAreRemoved() async throws {
        let (fixture, manifest, _) = try await Self.small()
        defer { fixture.remove() }
        let uploads = fixture.live.scratchDirectory + "/uploads"
        try FileManager.default.createDirectory(atPath: uploads, withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: uploads + "/\(String(repeating: "0", count: 64)).gz"))
        let (left, statuses) = try await withServer(live: fixture.live) { port in
            let left = Self.uploads(of: fixture.live)
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            var statuses: [StatusCode] = []
            for index in 0..<5 {
                guard case .object(var members) = manifest else { throw ChronoError.internal() }
                members["compressed_sha256"] = .string(String(repeating: String(index), count: 64))
                let response = try await Self.send([1, 2], at: 0, of: .object(members), client: client)
                statuses.append(response.status)
            }
            try await client.close()
            return (left, statuses)
        }
        #expect(left.isEmpty)
        #expect(statuses == [.ok, .ok, .ok, .ok, .resourceExhausted])
    }
}
