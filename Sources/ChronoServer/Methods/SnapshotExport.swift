import ChronoProtocol
import ChronoStore
import Foundation

/// `chrono.v1.Snapshot/Export`: snapshot `id`'s gzip bytes as data frames `{"offset", "data"}` (base64 of at
/// most `pieceSize` bytes each, in order, the first at offset 0), then `{"manifest", "frames"}`.
///
/// The archive is read from the store a piece at a time as frames are sent, off the cooperative pool
/// (`ArchiveStream`): on SQLite by blob I/O, each piece in a read of its own, so a client slow to read holds no
/// transaction open; on PostgreSQL one statement per stored piece. A send waits while the client is slow to
/// read, so memory holds a few pieces whatever the archive's size.
enum SnapshotExport {
    /// Archive bytes per data frame.
    static let pieceSize = 256 * 1024

    private struct Piece: WireEncodable, Sendable {
        var offset: Int
        var bytes: [UInt8]

        func write(to writer: inout WireWriter) throws {
            writer.beginObject()
            writer.key("data")
            writer.string(Data(self.bytes).base64EncodedString())
            writer.key("offset")
            writer.int(self.offset)
            writer.endObject()
        }
    }

    private struct Summary: WireEncodable, Sendable {
        var manifest: SnapshotManifest
        var frames: Int

        func write(to writer: inout WireWriter) throws {
            writer.beginObject()
            writer.key("frames")
            writer.int(self.frames)
            writer.key("manifest")
            try self.manifest.write(to: &writer)
            writer.endObject()
        }
    }

    static func descriptor(live: any GraphService) -> MethodDescriptor {
        MethodDescriptor(.snapshotExport, schema: "snapshot_export") { context in
            var params = try context.params(expecting: ["id"])
            let archive = try await live.archive(try params.string("id"))
            let stream = ArchiveStream(archive.source)
            var offset = 0
            var frames = 0
            while case let bytes = try await stream.read(maximum: Self.pieceSize), !bytes.isEmpty {
                try await context.send(Piece(offset: offset, bytes: bytes))
                offset += bytes.count
                frames += 1
            }
            let summary = Summary(manifest: archive.manifest, frames: frames)
            return MethodResult(summary, revision: archive.manifest.revision)
        }
    }
}
