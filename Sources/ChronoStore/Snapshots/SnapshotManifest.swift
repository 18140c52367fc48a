/// What a snapshot holds and how to check it: stored with it, exported next to its file.
///
/// See `Protocol/PROTOCOL.md`, "Live graph". The hashes are lowercase hex SHA-256. It is written by its
/// `WireEncodable` form (on the wire and in the `snapshots` table) and decoded from that table and from an
/// imported manifest.
public struct SnapshotManifest: Sendable, Hashable, Decodable {
    /// The snapshot id: `r<revision>-<first 12 hex digits of sha256>`.
    public var id: String
    /// The graph revision the snapshot was taken at.
    public var revision: Int64
    /// The database schema version of the daemon that wrote it.
    public var schemaVersion: Int
    /// SHA-256 of the canonical export (uncompressed).
    public var sha256: String
    /// SHA-256 of the gzip file.
    public var compressedSHA256: String
    /// Bytes of the canonical export; inflation stops past this (the zip-bomb guard).
    public var size: Int
    /// Bytes of the gzip file.
    public var compressedSize: Int
    /// Records by kind.
    public var records: [String: Int]

    enum CodingKeys: String, CodingKey {
        case id, revision, sha256, size, records
        case schemaVersion = "schema_version"
        case compressedSHA256 = "compressed_sha256"
        case compressedSize = "compressed_size"
    }

    /// Creates a manifest.
    public init(
        id: String,
        revision: Int64,
        schemaVersion: Int,
        sha256: String,
        compressedSHA256: String,
        size: Int,
        compressedSize: Int,
        records: [String: Int]
    ) {
        self.id = id
        self.revision = revision
        self.schemaVersion = schemaVersion
        self.sha256 = sha256
        self.compressedSHA256 = compressedSHA256
        self.size = size
        self.compressedSize = compressedSize
        self.records = records
    }
}
