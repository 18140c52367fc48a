internal import ChronoProtocol
internal import ChronoStore
internal import Logging
internal import PostgresNIO

/// A snapshot's gzip bytes as PostgreSQL stores them: `snapshot_pieces` rows of at most `pieceSize` bytes,
/// numbered from 0 in order, written a piece at a time from any `ArchiveSource` and read back a piece at a time
/// on a connection of the reader's own (its statements block the reading thread: read through `ArchiveStream`
/// or on a thread of one's own). A `bytea` value is sent and received whole, so a snapshot kept as one
/// would be one value in memory (about 100 MB at 10⁶ events) on every export, restore or `as_of` read.
///
/// Stored snapshots are never changed or deleted, so a reader opened at any time reads the bytes as stored.
struct PostgresStoredArchive: ArchiveSource {
    /// The server and database that store the snapshot.
    let location: PostgresLocation
    /// The snapshot's id.
    let id: String

    /// The bytes of each stored piece (the last may be shorter).
    static let pieceSize = 1 << 20

    /// Stores `archive` (with `manifest`, its manifest's JSON) in `snapshots` and its bytes in
    /// `snapshot_pieces`, in the transaction `session` runs, unless a snapshot with its id is stored.
    static func store(
        _ archive: SnapshotArchive,
        manifest: String,
        createdMs: Int64,
        pieceSize: Int = Self.pieceSize,
        in session: PostgresSession
    ) throws {
        var row = PostgresBindings()
        row.append(archive.manifest.id)
        row.append(archive.manifest.revision)
        row.append(createdMs)
        row.append(manifest)
        let inserted = try session.query(
            """
            INSERT INTO snapshots(id, revision, created_ms, manifest) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO NOTHING RETURNING id
            """,
            row
        )
        guard !inserted.isEmpty else { return }
        let reader = try archive.source.open()
        var number = 0
        while case let bytes = try reader.read(maximum: pieceSize), !bytes.isEmpty {
            var piece = PostgresBindings()
            piece.append(archive.manifest.id)
            piece.append(number)
            piece.append(ByteBuffer(bytes: bytes))
            try session.query("INSERT INTO snapshot_pieces(snapshot, piece, data) VALUES ($1, $2, $3)", piece)
            number += 1
        }
    }

    /// Connects to `location` (blocking the calling thread, as every read does) and counts the stored bytes.
    func open() throws -> any ArchiveReader {
        let logger = Logger(label: "chronograph.postgres.snapshot")
        let (connection, _) = try PostgresConnectionWorker.connect(self.location, logger: logger)
        let session = PostgresSession(
            connection: connection,
            logger: logger,
            context: QueryContext(deadline: nil),
            tag: "chrono-snapshot-reader"
        )
        do {
            var binds = PostgresBindings()
            binds.append(self.id)
            let (pieces, count) =
                try session.query(
                    "SELECT count(*), coalesce(sum(length(data)), 0) FROM snapshot_pieces WHERE snapshot = $1",
                    binds
                ).first?.decode((Int, Int).self) ?? (0, 0)
            return PieceReader(session, id: self.id, pieces: pieces, count: count)
        } catch {
            Self.close(connection)
            throw error
        }
    }

    /// Closes `connection` without waiting for it: it is kept until closed, as postgres-nio requires of a
    /// connection that goes away, and a reader may be dropped on any thread.
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Reads the pieces in order, one statement each, and hands them out `maximum` bytes at a time; its
    /// connection is closed once the last byte was read (or when it is dropped before).
    private final class PieceReader: ArchiveReader {
        private var session: PostgresSession?
        private let id: String
        private let pieces: Int
        private var next = 0
        private var piece: [UInt8] = []
        private var offset = 0
        let count: Int

        init(_ session: PostgresSession, id: String, pieces: Int, count: Int) {
            self.session = session
            self.id = id
            self.pieces = pieces
            self.count = count
        }

        deinit {
            self.close()
        }

        func read(maximum: Int) throws -> [UInt8] {
            if self.offset == self.piece.count {
                guard self.next < self.pieces, let session = self.session else {
                    self.close()
                    return []
                }
                var binds = PostgresBindings()
                binds.append(self.id)
                binds.append(self.next)
                guard
                    let data = try session.query(
                        "SELECT data FROM snapshot_pieces WHERE snapshot = $1 AND piece = $2",
                        binds
                    ).first?.decode(ByteBuffer.self), data.readableBytes > 0
                else { throw ChronoError.dataLoss("snapshot \(self.id): piece \(self.next) is missing or empty") }
                self.piece = Array(data.readableBytesView)
                self.offset = 0
                self.next += 1
            }
            let end = min(self.offset + maximum, self.piece.count)
            defer { self.offset = end }
            return Array(self.piece[self.offset..<end])
        }

        private func close() {
            guard let session = self.session else { return }
            self.session = nil
            PostgresStoredArchive.close(session.connection)
        }
    }
}
