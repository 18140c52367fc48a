import ChronoGraph
public import ChronoProtocol

// The wire form of the live graph's answers (writes, snapshots, diffs), members sorted.

extension WriteReport: WireEncodable {
    public func write(to writer: inout WireWriter) {
        writer.beginObject()
        writer.key("deleted")
        writer.int(self.deleted)
        writer.key("inserted")
        writer.int(self.inserted)
        writer.key("revision")
        writer.int(self.revision)
        writer.key("updated")
        writer.int(self.updated)
        writer.endObject()
    }
}

extension SnapshotManifest: WireEncodable {
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("compressed_sha256")
        writer.string(self.compressedSHA256)
        writer.key("compressed_size")
        writer.int(self.compressedSize)
        writer.key("id")
        writer.string(self.id)
        writer.key("records")
        try writer.object(self.records)
        writer.key("revision")
        writer.int(self.revision)
        writer.key("schema_version")
        writer.int(self.schemaVersion)
        writer.key("sha256")
        writer.string(self.sha256)
        writer.key("size")
        writer.int(self.size)
        writer.endObject()
    }
}

extension RecordKey: WireEncodable {
    public func write(to writer: inout WireWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(self.id)
        writer.key("kind")
        writer.string(self.kind.rawValue)
        writer.endObject()
    }
}

extension SnapshotDiff: WireEncodable {
    /// Writes the diff; `to` only when it names a snapshot (absent for the live graph).
    public func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("added")
        try writer.array(self.added)
        writer.key("changed")
        try writer.array(self.changed)
        writer.key("from")
        writer.string(self.from)
        writer.key("from_revision")
        writer.int(self.fromRevision)
        writer.key("removed")
        try writer.array(self.removed)
        if let to = self.to {
            writer.key("to")
            writer.string(to)
        }
        writer.key("to_revision")
        writer.int(self.toRevision)
        writer.endObject()
    }
}
