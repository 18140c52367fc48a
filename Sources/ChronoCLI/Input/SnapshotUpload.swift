import ChronoProtocol
import Foundation

/// A snapshot file read for `Snapshot/Import` a piece at a time: each piece becomes one request's params
/// `{"manifest", "data", "offset"}`, small enough for one request line.
final class SnapshotUpload {
    /// Raw bytes per piece: 512 KiB are about 700 KB in base64, under the 1 MiB line limit with the manifest.
    static let pieceSize = 512 * 1024

    private let file: String
    private let manifest: JSONValue
    private let handle: FileHandle
    /// The offset of the next piece.
    private(set) var offset = 0

    /// Opens `file` and reads its manifest file.
    /// - Throws: `INVALID_ARGUMENT` naming the file that is missing, unreadable or not JSON.
    init(file: String) throws(CLIFailure) {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw CLIFailure(.invalidArgument, "\(file): cannot read the file")
        }
        self.file = file
        self.handle = handle
        self.manifest = try SnapshotFiles.manifest(for: file)
    }

    deinit {
        try? self.handle.close()
    }

    /// The params of the next piece (with empty `data` once the file is read to its end).
    /// - Throws: `INVALID_ARGUMENT` naming a file that cannot be read.
    func nextParams() throws(CLIFailure) -> [String: JSONValue] {
        let bytes: Data
        do {
            bytes = try self.handle.read(upToCount: Self.pieceSize) ?? Data()
        } catch {
            throw CLIFailure(.invalidArgument, "\(self.file): cannot read the file")
        }
        defer { self.offset += bytes.count }
        return [
            "manifest": self.manifest, "data": .string(bytes.base64EncodedString()), "offset": .int(Int64(self.offset)),
        ]
    }

    /// The failure for a file that ended before the daemon had every byte the manifest counts.
    var truncated: CLIFailure {
        let size = self.manifest["compressed_size"]?.canonicalText ?? "?"
        return CLIFailure(
            .dataLoss,
            "\(self.file): ends after \(self.offset) bytes, the manifest says \(size) (truncated?)"
        )
    }
}
