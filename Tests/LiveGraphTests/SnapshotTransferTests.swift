import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoTesting
import Foundation
import Logging
import Synchronization
import Testing

@testable import ChronoStore

/// `Snapshot/Export` streams an archive larger than one frame in pieces, over a real server on 127.0.0.1.
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

    /// The handler as a session runs it: a send made once the call is cancelled throws, as `Session`'s does.
    @Test func aCancelledExportStopsBetweenFrames() async throws {
        let (fixture, manifest) = try await Self.large()
        defer { fixture.remove() }
        let descriptor = try Dispatcher.serving(live: fixture.live).descriptor(for: MethodName.snapshotExport.rawValue)
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
}
