public import ChronoProtocol

/// Presents snapshot manifests and snapshot diffs.
public enum SnapshotPresenter {
    /// One manifest as a one-row listing.
    public static func presentManifest(_ manifest: JSONValue) -> Presentation {
        Presentation(result: manifest, table: self.table([manifest]))
    }

    /// `Snapshot/List`: one row per snapshot, one NDJSON record per manifest.
    public static func presentList(_ result: JSONValue) -> Presentation {
        let snapshots = result.list("snapshots")
        return Presentation(result: result, records: snapshots, table: self.table(snapshots))
    }

    /// `Snapshot/Diff`: one row and one NDJSON record (`change`, `kind`, `id`) per differing record.
    public static func presentDiff(_ result: JSONValue) -> Presentation {
        var records: [JSONValue] = []
        for change in ["added", "removed", "changed"] {
            for item in result.list(change) {
                let kind = JSONValue.string(item.text("kind"))
                records.append(["change": .string(change), "kind": kind, "id": .string(item.text("id"))])
            }
        }
        let table = Table(
            columns: [.init("CHANGE", wraps: false), .init("KIND", wraps: false), .init("ID")],
            rows: records.map { [$0.text("change"), $0.text("kind"), $0.text("id")] }
        )
        let to = result["to"]?.stringValue ?? "the live graph"
        let notes = records.isEmpty ? ["no differences between \(result.text("from")) and \(to)"] : []
        return Presentation(result: result, records: records, table: table, notes: notes)
    }

    /// Manifests as rows: id, revision, record count, sizes, hashes (CSV only).
    static func table(_ manifests: [JSONValue]) -> Table {
        Table(
            columns: [
                .init("ID", wraps: false), .init("REVISION", wraps: false), .init("RECORDS", wraps: false),
                .init("SIZE", wraps: false), .init("COMPRESSED", wraps: false),
                .init("SHA256", csvOnly: true), .init("COMPRESSED SHA256", csvOnly: true),
            ],
            rows: manifests.map { manifest in
                let records = (manifest["records"]?.objectValue ?? [:]).values.compactMap(\.intValue).reduce(0, +)
                return [
                    manifest.text("id"), manifest["revision"]?.scalarText ?? "", String(records),
                    manifest["size"]?.scalarText ?? "", manifest["compressed_size"]?.scalarText ?? "",
                    manifest.text("sha256"), manifest.text("compressed_sha256"),
                ]
            }
        )
    }
}
