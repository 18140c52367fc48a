import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import PostgresNIO
import Testing

@testable import ChronoStorePostgres

/// PostgreSQL keeps a snapshot's archive as numbered pieces and reads it back a piece at a time
/// (`PostgresStoredArchive`), byte for byte what SQLite stores.
@Suite(
    "PostgreSQL stores snapshot archives in pieces",
    .enabled(if: PostgresTestServer.primary != nil, PostgresTestServer.skipped),
    .timeLimit(.minutes(2))
)
struct PostgresStoredArchiveTests {
    /// A snapshot with its gzip bytes and its manifest's JSON.
    typealias Snapshot = (archive: SnapshotArchive, bytes: [UInt8], manifest: String)

    /// The repository graph's snapshot, taken on SQLite.
    static func snapshot(_ pair: ServicePair) async throws -> Snapshot {
        let manifest = try await pair.sqlite.createSnapshot()
        let archive = try await pair.sqlite.archive(manifest.id)
        return (archive, try archive.compressed(), String(decoding: try WireWriter.bytes(of: manifest), as: UTF8.self))
    }

    /// `snapshot(pair)`, stored on PostgreSQL in pieces of 4,096 bytes.
    static func storedInSmallPieces(_ pair: ServicePair) async throws -> Snapshot {
        let (archive, bytes, manifest) = try await Self.snapshot(pair)
        try await pair.database.worker.write(deadline: nil) { session in
            try PostgresStoredArchive.store(archive, manifest: manifest, createdMs: 1, pieceSize: 4_096, in: session)
        }
        return (archive, bytes, manifest)
    }

    /// Every byte `reader` gives, `maximum` at a time, and whether no read gave more than `maximum`.
    static func readAll(_ reader: any ArchiveReader, maximum: Int) throws -> (bytes: [UInt8], withinMaximum: Bool) {
        var bytes: [UInt8] = []
        var withinMaximum = true
        while case let piece = try reader.read(maximum: maximum), !piece.isEmpty {
            withinMaximum = withinMaximum && piece.count <= maximum
            bytes += piece
        }
        return (bytes, withinMaximum)
    }

    @Test func anArchiveIsStoredInNumberedPiecesAndReadsBackWholeWhateverTheReadSize() async throws {
        try await ServicePair.with(graph: Repository.url("Graph")) { pair in
            let (archive, bytes, manifest) = try await Self.storedInSmallPieces(pair)
            try await pair.database.worker.write(deadline: nil) { session in
                // Stored already: nothing changes.
                try PostgresStoredArchive.store(archive, manifest: manifest, createdMs: 2, pieceSize: 999, in: session)
            }
            var binds = PostgresBindings()
            binds.append(archive.manifest.id)
            let id = binds
            let pieces = try await pair.database.worker.read(deadline: nil) { session in
                try session.query(
                    "SELECT piece, length(data) FROM snapshot_pieces WHERE snapshot = $1 ORDER BY piece",
                    id
                ).map { try $0.decode((Int, Int).self) }
            }
            #expect(bytes.count > 3 * 4_096)
            #expect(pieces.map(\.0) == Array(0..<(bytes.count + 4_095) / 4_096))
            #expect(pieces.dropLast().allSatisfy { $0.1 == 4_096 })
            #expect(pieces.map(\.1).reduce(0, +) == bytes.count)
            let stored = PostgresStoredArchive(location: pair.location, id: archive.manifest.id)
            for maximum in [7, 4_095, 4_096, 10_000, 1 << 20] {
                let reader = try stored.open()
                #expect(reader.count == bytes.count)
                let read = try Self.readAll(reader, maximum: maximum)
                #expect(read.bytes == bytes, "read \(maximum) bytes at a time")
                #expect(read.withinMaximum, "read \(maximum) bytes at a time")
            }
            let fromService = try await pair.postgres.archive(archive.manifest.id)
            #expect(try fromService.compressed() == bytes)
            #expect(try await pair.postgres.snapshots() == [archive.manifest])
        }
    }

    @Test func aSnapshotTakenOnPostgreSQLIsStoredInPiecesAsSQLiteStoresItWhole() async throws {
        try await ServicePair.with(graph: Repository.url("Graph")) { pair in
            let (_, bytes, _) = try await Self.snapshot(pair)
            let manifest = try await pair.postgres.createSnapshot()
            #expect(try await pair.postgres.archive(manifest.id).compressed() == bytes)
            let stored = try await pair.database.worker.read(deadline: nil) { session in
                try session.query("SELECT count(*), sum(length(data)) FROM snapshot_pieces").first?
                    .decode((Int, Int).self)
            }
            #expect(stored?.0 == (bytes.count + PostgresStoredArchive.pieceSize - 1) / PostgresStoredArchive.pieceSize)
            #expect(stored?.1 == bytes.count)
        }
    }

    @Test func aMissingPieceIsDataLoss() async throws {
        try await ServicePair.with(graph: Repository.url("Graph")) { pair in
            let (archive, _, _) = try await Self.storedInSmallPieces(pair)
            try await pair.database.worker.write(deadline: nil) { session in
                try session.query("DELETE FROM snapshot_pieces WHERE piece = 1")
            }
            let reader = try PostgresStoredArchive(location: pair.location, id: archive.manifest.id).open()
            let error = try #require(throws: ChronoError.self) { try Self.readAll(reader, maximum: 1 << 20) }
            #expect(error.code == .dataLoss)
            #expect(error.message.contains("piece 1"))
        }
    }
}
