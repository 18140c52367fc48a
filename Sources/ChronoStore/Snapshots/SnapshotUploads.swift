internal import Foundation

/// Archives arriving in pieces for `Snapshot/Import`: each is appended to a file in `directory` named by its
/// manifest's `compressed_sha256`, so a client that lost its connection resumes where the bytes stop, with no
/// token to keep.
///
/// Invariants: at most `capacity` uploads are in progress (one idle for `idleLimit` gives its place to a new
/// one); an upload never holds more bytes than its manifest's `compressed_size`; every piece starts where the
/// bytes received end; an upload's file is removed once its last byte arrived and it was handed on, whether
/// that import succeeded or not; files left by an earlier run are removed when this one is made.
package actor SnapshotUploads {
    /// Most uploads in progress at once.
    static let capacity = 4
    /// How long an upload may wait for its next piece before a new upload may take its place.
    static let idleLimit: Duration = .seconds(600)

    /// An upload's state: its manifest, the bytes in its file, when it last grew, and whether it is importing.
    private struct Upload {
        var manifest: SnapshotManifest
        var received: Int
        var touched: ContinuousClock.Instant
        var importing = false
    }

    /// How far an upload has come after a piece.
    package enum Progress: Sendable {
        /// `received` of the manifest's `compressed_size` bytes are in.
        case partial(received: Int)
        /// Every byte is in, and `import` returned this.
        case complete(SnapshotManifest)
    }

    /// The daemon-owned directory the files live in.
    package let directory: String
    private var uploads: [String: Upload] = [:]

    /// Uploads in `directory`, which is emptied of files an earlier run left.
    package init(directory: String) {
        self.directory = directory
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Appends `bytes`, which start at `offset` of the archive `manifest` describes, to its upload (a new one
    /// when `offset` is 0 and none is in progress). Once the last byte is in, hands the file to `store` (which
    /// checks and stores it) and removes it, whatever `store` does.
    /// - Throws: `SnapshotUploadError`; what `store` throws; file errors (the upload is then dropped).
    package func append(
        _ bytes: [UInt8],
        at offset: Int,
        for manifest: SnapshotManifest,
        store: @Sendable (ArchiveFile) async throws -> SnapshotManifest
    ) async throws -> Progress {
        let name = manifest.compressedSHA256
        guard name.utf8.count == 64, name.utf8.allSatisfy(Self.isLowercaseHex), manifest.compressedSize > 0 else {
            throw SnapshotUploadError.unusableManifest
        }
        var upload = try self.upload(name, for: manifest, offset: offset)
        guard !upload.importing else { throw SnapshotUploadError.importing }
        guard upload.manifest == manifest else { throw SnapshotUploadError.manifestChanged }
        guard offset == upload.received else {
            throw SnapshotUploadError.offsetMismatch(offset: offset, received: upload.received)
        }
        guard offset + bytes.count <= manifest.compressedSize else {
            throw SnapshotUploadError.beyondSize(end: offset + bytes.count, size: manifest.compressedSize)
        }
        let path = "\(self.directory)/\(name).gz"
        do {
            try Self.write(bytes, to: path, creating: offset == 0)
        } catch {
            self.drop(name)
            throw error
        }
        upload.received += bytes.count
        upload.touched = .now
        upload.importing = upload.received == manifest.compressedSize
        self.uploads[name] = upload
        guard upload.importing else { return .partial(received: upload.received) }
        defer { self.drop(name) }
        return .complete(try await store(ArchiveFile(path: path)))
    }

    /// The upload named `name`, or a new one for a piece at offset 0 when there is room.
    private func upload(_ name: String, for manifest: SnapshotManifest, offset: Int) throws -> Upload {
        if let upload = self.uploads[name] { return upload }
        guard offset == 0 else { throw SnapshotUploadError.offsetMismatch(offset: offset, received: 0) }
        if self.uploads.count >= Self.capacity {
            let now = ContinuousClock.now
            for (stale, upload) in self.uploads where !upload.importing && now - upload.touched > Self.idleLimit {
                self.drop(stale)
            }
        }
        guard self.uploads.count < Self.capacity else {
            throw SnapshotUploadError.tooManyUploads(limit: Self.capacity)
        }
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        return Upload(manifest: manifest, received: 0, touched: .now)
    }

    /// Forgets upload `name` and removes its file.
    private func drop(_ name: String) {
        self.uploads[name] = nil
        try? FileManager.default.removeItem(atPath: "\(self.directory)/\(name).gz")
    }

    /// Appends `bytes` to the file at `path` (created empty first when `creating`).
    private static func write(_ bytes: [UInt8], to path: String, creating: Bool) throws {
        if creating, !FileManager.default.createFile(atPath: path, contents: nil) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
    }

    private static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
