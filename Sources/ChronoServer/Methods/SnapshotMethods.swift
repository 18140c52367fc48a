import ChronoProtocol
import ChronoStore
import Foundation

/// `chrono.v1.Snapshot/*`: create, list, restore, diff, and export/import as bytes over the protocol.
///
/// The daemon never reads or writes a file at a client-chosen path: `Export` streams the gzip bytes (base64)
/// and the manifest, `Import` takes them back in pieces (uploads in `<scratch>/uploads`, emptied when the
/// descriptors are made, at the daemon's start); `chrono snapshot export|import` does the file I/O.
/// Restore and import change the daemon's state and need the write right.
enum SnapshotMethods {
    static func descriptors(live: any GraphService, authorization: WriteAuthorization) -> [MethodDescriptor] {
        [
            MethodDescriptor(.snapshotCreate, schema: "snapshot_create") { context in
                _ = try context.params(expecting: [])
                let manifest = try await live.createSnapshot()
                return MethodResult(manifest, revision: manifest.revision)
            },
            MethodDescriptor(.snapshotList, schema: "snapshot_list") { context in
                _ = try context.params(expecting: [])
                return MethodResult(SnapshotList(snapshots: try await live.snapshots()))
            },
            MethodDescriptor(.snapshotRestore, schema: "snapshot_restore") { context in
                try authorization.check(context)
                var params = try context.params(expecting: ["id"])
                let id = try params.string("id")
                let report = try await live.restore(id)
                return MethodResult(report, revision: report.revision)
            },
            MethodDescriptor(.snapshotDiff, schema: "snapshot_diff") { context in
                var params = try context.params(expecting: ["from", "to"])
                let from = try params.string("from")
                let diff = try await live.diff(from: from, to: try params.optionalString("to", allowEmpty: true))
                return MethodResult(diff, revision: diff.toRevision)
            },
            SnapshotExport.descriptor(live: live),
            SnapshotImport.descriptor(
                live: live,
                uploads: SnapshotUploads(directory: live.scratchDirectory + "/uploads"),
                authorization: authorization
            ),
        ]
    }

    private struct SnapshotList: WireEncodable, Sendable {
        var snapshots: [SnapshotManifest]

        func write(to writer: inout WireWriter) throws {
            writer.beginObject()
            writer.key("snapshots")
            try writer.array(self.snapshots)
            writer.endObject()
        }
    }
}
