import ChronoProtocol
import ChronoStore
import Foundation

/// `chrono.v1.Snapshot/Import`: `{"manifest", "data", "offset"}` appends `data` (base64 of the archive's bytes
/// from `offset`, default 0) to the upload of the archive `manifest` describes; the answer is
/// `{"received", "size"}` until the last byte, then the archive is checked and stored as one imported whole
/// would be and the answer also carries the stored `manifest`.
///
/// Each request line stays under the line limit, whatever the archive's size; the upload lives in the
/// daemon's scratch directory (`SnapshotUploads`), never in memory. Needs the write right.
enum SnapshotImport {
    private struct Progress: WireEncodable, Sendable {
        var received: Int
        var size: Int
        var manifest: SnapshotManifest?

        func write(to writer: inout WireWriter) throws {
            writer.beginObject()
            if let manifest = self.manifest {
                writer.key("manifest")
                try manifest.write(to: &writer)
            }
            writer.key("received")
            writer.int(self.received)
            writer.key("size")
            writer.int(self.size)
            writer.endObject()
        }
    }

    static func descriptor(
        live: any GraphService,
        uploads: SnapshotUploads,
        authorization: WriteAuthorization
    ) -> MethodDescriptor {
        MethodDescriptor(.snapshotImport, schema: "snapshot_import") { context in
            try authorization.check(context)
            var params = try context.params(expecting: ["data", "manifest", "offset"])
            guard let manifestText = params.optional("manifest")?.canonicalText,
                let manifest = try? JSONDecoder().decode(SnapshotManifest.self, from: Data(manifestText.utf8))
            else {
                throw ChronoError.invalidArgument("params.manifest: expected a snapshot manifest object")
            }
            guard let bytes = Data(base64Encoded: try params.string("data", allowEmpty: true)) else {
                throw ChronoError.invalidArgument("params.data: expected base64")
            }
            let offset = try params.int("offset", in: 0...Int(Int64.max), default: 0)
            let progress = try await uploads.append(Array(bytes), at: offset, for: manifest) { file in
                try await live.importSnapshot(SnapshotArchive(manifest: manifest, source: file))
            }
            let size = manifest.compressedSize
            switch progress {
            case .partial(let received):
                return MethodResult(Progress(received: received, size: size))
            case .complete(let stored):
                return MethodResult(Progress(received: size, size: size, manifest: stored), revision: stored.revision)
            }
        }
    }
}
