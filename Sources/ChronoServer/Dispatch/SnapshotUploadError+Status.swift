public import ChronoProtocol
public import ChronoStore

extension SnapshotUploadError: StatusConvertible {
    /// The status of the error, naming the field of `chrono.v1.Snapshot/Import` at fault.
    public var status: ChronoError {
        switch self {
        case .unusableManifest:
            return .invalidArgument(
                "params.manifest: compressed_sha256 must be 64 lowercase hex digits and compressed_size positive"
            )
        case .offsetMismatch(let offset, let received):
            return .failedPrecondition(
                "params.offset: expected \(received) (the bytes of this upload received so far), got \(offset)"
            )
        case .beyondSize(let end, let size):
            return .invalidArgument(
                "params.data: the piece would end at byte \(end), past the manifest's compressed_size \(size)"
            )
        case .manifestChanged:
            return .failedPrecondition("params.manifest: differs from the manifest of the upload of these bytes")
        case .importing:
            return .failedPrecondition("params.manifest: the upload of these bytes is complete and being imported")
        case .tooManyUploads(let limit):
            return .resourceExhausted("\(limit) snapshot uploads are in progress; finish one or retry later")
        }
    }
}
