internal import ChronoProtocol
internal import Dispatch
package import Foundation

/// Where a snapshot's gzip bytes are read from, first byte to last, a piece at a time: memory (an archive a
/// client sent), a file (one just packed) or the database that stores it (`StoredArchive` in SQLite,
/// `PostgresStoredArchive` in PostgreSQL).
package protocol ArchiveSource: Sendable {
    /// Opens a reader at the first byte.
    func open() throws -> any ArchiveReader
}

/// Reads an archive's bytes in order. Confined to one thread at a time.
package protocol ArchiveReader: AnyObject {
    /// The number of bytes in all.
    var count: Int { get }
    /// The next bytes, at most `maximum` of them; empty once every byte was read.
    func read(maximum: Int) throws -> [UInt8]
}

extension ArchiveSource {
    /// Every byte, in one array (`SnapshotArchive.compressed()`).
    func readAll() throws -> [UInt8] {
        let reader = try self.open()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(reader.count)
        while case let chunk = try reader.read(maximum: StoredArchive.chunk), !chunk.isEmpty { bytes += chunk }
        return bytes
    }
}

/// An archive read from async code a piece at a time, each read on a serial queue of the stream's own: a read may
/// block (a blob read, a PostgreSQL round trip per piece), and the few threads Swift concurrency shares must not.
///
/// `@unchecked Sendable`: the reader is created and used only by blocks running on `queue`, one at a time.
package final class ArchiveStream: @unchecked Sendable {
    private let source: any ArchiveSource
    private let queue = DispatchQueue(label: "chronograph.archive-stream")
    private var reader: (any ArchiveReader)?

    /// A stream of `source`'s bytes, opened at the first read.
    package init(_ source: any ArchiveSource) {
        self.source = source
    }

    /// The next bytes, at most `maximum` of them; empty once every byte was read.
    package func read(maximum: Int) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            self.queue.async {
                continuation.resume(
                    with: Result {
                        let reader = try self.reader ?? self.source.open()
                        self.reader = reader
                        return try reader.read(maximum: maximum)
                    }
                )
            }
        }
    }
}

extension Array: ArchiveSource where Element == UInt8 {
    package func open() throws -> any ArchiveReader { BytesReader(self) }
}

private final class BytesReader: ArchiveReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var count: Int { self.bytes.count }

    func read(maximum: Int) -> [UInt8] {
        let end = min(self.offset + maximum, self.bytes.count)
        defer { self.offset = end }
        return Array(self.bytes[self.offset..<end])
    }
}

/// An archive in a file: one `createSnapshot` packed before storing it, or an upload (`SnapshotUploads`).
package struct ArchiveFile: ArchiveSource {
    let path: String

    /// Packs an archive into a new file at `path` (`pack` writes the gzip bytes to the file it is handed and
    /// returns their manifest), hands the archive the file holds to `store`, and returns the manifest; the file
    /// is removed afterwards, whatever happened.
    package static func packed(
        at path: String,
        _ pack: (FileHandle) async throws -> SnapshotManifest,
        store: (SnapshotArchive) async throws -> Void
    ) async throws -> SnapshotManifest {
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { try? file.close() }
        let manifest = try await pack(file)
        try file.close()
        try await store(SnapshotArchive(manifest: manifest, source: ArchiveFile(path: path)))
        return manifest
    }

    package func open() throws -> any ArchiveReader {
        guard let handle = FileHandle(forReadingAtPath: self.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: self.path])
        }
        return try FileReader(handle)
    }

    private final class FileReader: ArchiveReader {
        private let handle: FileHandle
        let count: Int

        init(_ handle: FileHandle) throws {
            self.handle = handle
            self.count = Int(try handle.seekToEnd())
            try handle.seek(toOffset: 0)
        }

        deinit {
            try? self.handle.close()
        }

        func read(maximum: Int) throws -> [UInt8] {
            try self.handle.read(upToCount: maximum).map { Array($0) } ?? []
        }
    }
}

/// An archive stored in the `snapshots` table of the database at `path`, row `rowid`: written and read with
/// incremental blob I/O (`Blob`), a piece at a time, so the archive is never one value in memory.
///
/// Stored snapshots are never changed or deleted, so a reader opened at any time reads the bytes as stored.
struct StoredArchive: ArchiveSource {
    let path: String
    let rowid: Int64

    /// Bytes copied at a time.
    static let chunk = 1 << 20

    /// Stores `archive` (with `manifest`, its manifest's JSON) in `snapshots` on `connection`, in one
    /// transaction, unless a snapshot with its id is stored: the row is inserted with `zeroblob(N)` for its
    /// bytes, which are then copied in from `archive.source`.
    static func store(_ archive: SnapshotArchive, manifest: String, createdMs: Int64, in connection: Connection) throws
    {
        try connection.transaction { connection in
            let reader = try archive.source.open()
            try connection.cached(
                """
                INSERT OR IGNORE INTO snapshots(id, revision, created_ms, manifest, data)
                VALUES (?, ?, ?, ?, zeroblob(?))
                """
            ).run([
                .text(archive.manifest.id), .integer(archive.manifest.revision), .integer(createdMs),
                .text(manifest), .integer(Int64(reader.count)),
            ])
            guard connection.changes == 1 else { return }
            let blob = try Blob(
                connection,
                table: "snapshots",
                column: "data",
                rowid: connection.lastInsertRowID,
                writable: true
            )
            var offset = 0
            while offset < blob.count {
                let bytes = try reader.read(maximum: min(Self.chunk, blob.count - offset))
                guard !bytes.isEmpty else {
                    throw ChronoError.internal("snapshot \(archive.manifest.id): source shrank")
                }
                try blob.write(bytes, at: offset)
                offset += bytes.count
            }
        }
    }

    /// Reads the archive on a read-only connection of its own, closed once the last byte was read.
    ///
    /// Each piece is read through a blob handle of its own, closed before the piece is returned: a handle keeps
    /// a read transaction open, and a reader that waits between pieces (an export to a slow client) must not
    /// keep the WAL from being checkpointed meanwhile. The pieces agree because the row never changes.
    func open() throws -> any ArchiveReader {
        let connection = try Connection(path: self.path, readOnly: true)
        return BlobReader(connection, archive: self, count: try self.blob(on: connection).count)
    }

    private func blob(on connection: Connection) throws -> Blob {
        try Blob(connection, table: "snapshots", column: "data", rowid: self.rowid, writable: false)
    }

    private final class BlobReader: ArchiveReader {
        private var connection: Connection?
        private let archive: StoredArchive
        private var offset = 0
        let count: Int

        init(_ connection: Connection, archive: StoredArchive, count: Int) {
            self.connection = connection
            self.archive = archive
            self.count = count
        }

        func read(maximum: Int) throws -> [UInt8] {
            guard let connection = self.connection, self.offset < self.count else {
                self.connection = nil  // closes the connection
                return []
            }
            let length = min(maximum, self.count - self.offset)
            let bytes = try self.archive.blob(on: connection).read(at: self.offset, count: length)
            self.offset += length
            return bytes
        }
    }
}
