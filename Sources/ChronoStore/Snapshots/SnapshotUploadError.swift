/// A piece of a snapshot upload the daemon refuses, in the upload's own terms; the server names the request
/// fields and picks the status at its edge.
public enum SnapshotUploadError: Error, Sendable, Hashable {
    /// The manifest's `compressed_sha256` (the upload's name) is not 64 lowercase hex digits, or its
    /// `compressed_size` is not positive.
    case unusableManifest
    /// The piece starts at `offset`, but the upload holds `received` bytes.
    case offsetMismatch(offset: Int, received: Int)
    /// The piece would end at `end`, past the manifest's `size`.
    case beyondSize(end: Int, size: Int)
    /// An upload of the same bytes is in progress with another manifest.
    case manifestChanged
    /// The upload's last byte arrived and it is being imported.
    case importing
    /// `limit` uploads are in progress already.
    case tooManyUploads(limit: Int)
}
