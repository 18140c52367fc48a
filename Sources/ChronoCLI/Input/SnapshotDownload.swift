import ChronoProtocol
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot file being received from `Snapshot/Export`'s data frames: each piece is appended to
/// `FILE.partial` as it arrives, and only a complete file is renamed to `FILE` (with `FILE.manifest.json`
/// written beside it first), so `FILE` is never a half-written archive.
final class SnapshotDownload {
    private let file: String
    private let partial: String
    private let handle: FileHandle
    /// Bytes written: the offset the next piece must start at.
    private var received: Int64 = 0
    private var frames: Int64 = 0

    /// Creates (or empties) `FILE.partial`.
    /// - Throws: `INVALID_ARGUMENT` naming a file that cannot be written.
    init(file: String) throws(CLIFailure) {
        self.file = file
        self.partial = file + ".partial"
        guard FileManager.default.createFile(atPath: self.partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: self.partial)
        else {
            throw CLIFailure(.invalidArgument, "\(self.partial): cannot write the file")
        }
        self.handle = handle
    }

    deinit {
        try? self.handle.close()
    }

    /// Appends the piece of data frame `{"offset", "data"}`.
    /// - Throws: `DATA_LOSS` for a piece that is not base64 or does not start where the previous one ended.
    func append(_ frame: JSONValue) throws(CLIFailure) {
        guard let bytes = frame["data"]?.stringValue.flatMap({ Data(base64Encoded: $0) }) else {
            throw CLIFailure(.dataLoss, "data.data: expected a piece of the snapshot's gzip bytes in base64")
        }
        guard let offset = frame["offset"]?.intValue, offset == self.received else {
            let got = frame["offset"]?.canonicalText ?? "nothing"
            throw CLIFailure(.dataLoss, "data.offset: expected \(self.received) (the bytes received), got \(got)")
        }
        do {
            try self.handle.write(contentsOf: bytes)
        } catch {
            throw CLIFailure(.invalidArgument, "\(self.partial): cannot write the file")
        }
        self.received += Int64(bytes.count)
        self.frames += 1
    }

    /// Completes the file with the terminal result `{"manifest", "frames"}`: checks that every byte the manifest
    /// counts arrived, writes `FILE.manifest.json`, then renames `FILE.partial` to `FILE`.
    /// - Returns: the manifest.
    /// - Throws: `DATA_LOSS` when frames or bytes are missing, `INVALID_ARGUMENT` naming a file that cannot be
    ///   written.
    func finish(_ result: JSONValue) throws(CLIFailure) -> JSONValue {
        let manifest = result["manifest"] ?? .object([:])
        guard result["frames"]?.intValue == self.frames, manifest["compressed_size"]?.intValue == self.received else {
            throw CLIFailure(
                .dataLoss,
                "received \(self.frames) frames, \(self.received) bytes; the daemon sent "
                    + "\(result["frames"]?.canonicalText ?? "?") frames, the manifest counts "
                    + "\(manifest["compressed_size"]?.canonicalText ?? "?") bytes"
            )
        }
        do {
            try self.handle.close()
        } catch {
            throw CLIFailure(.invalidArgument, "\(self.partial): cannot write the file")
        }
        try SnapshotFiles.writeManifest(manifest, for: self.file)
        guard rename(self.partial, self.file) == 0 else {
            throw CLIFailure(.invalidArgument, "\(self.file): cannot write the file")
        }
        return manifest
    }

    /// Removes `FILE.partial` (an export that failed or was interrupted).
    func abandon() {
        try? FileManager.default.removeItem(atPath: self.partial)
    }
}
