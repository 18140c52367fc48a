internal import ChronoCompression
internal import ChronoGraph
internal import ChronoProtocol
internal import Crypto
internal import Foundation

/// A snapshot's bytes: the canonical export (one record per line, sorted by kind then id) compressed as
/// one gzip member, and its manifest.
public struct SnapshotArchive: Sendable {
    /// The manifest.
    public var manifest: SnapshotManifest
    /// Where the gzip bytes are read from (`zcat` of them prints the canonical export).
    package var source: any ArchiveSource

    /// Pairs gzip bytes held in memory with the manifest that describes them (checked by `records()`).
    public init(manifest: SnapshotManifest, compressed: [UInt8]) {
        self.init(manifest: manifest, source: compressed)
    }

    /// Pairs the gzip bytes `source` reads with the manifest that describes them (checked by `records()`).
    package init(manifest: SnapshotManifest, source: any ArchiveSource) {
        self.manifest = manifest
        self.source = source
    }

    /// The gzip bytes, read whole into memory.
    public func compressed() throws -> [UInt8] {
        try self.source.readAll()
    }

    /// Packs `records` (a canonical stream) taken at `revision` into memory (for snapshots small enough to hold).
    package static func pack(
        _ records: inout some CanonicalRecordStream,
        revision: Int64,
        flushSize: Int = 1 << 20
    ) throws -> SnapshotArchive {
        var compressed: [UInt8] = []
        let manifest = try Self.pack(&records, revision: revision, flushSize: flushSize) { compressed += $0 }
        return SnapshotArchive(manifest: manifest, compressed: compressed)
    }

    /// Packs `records` (a canonical stream) taken at `revision`, compressing and hashing as it reads, and hands
    /// each piece of gzip bytes to `write` in order: memory holds a buffer of at most `flushSize` uncompressed
    /// bytes and what the deflater returns for it, never the export or the whole archive.
    package static func pack(
        _ records: inout some CanonicalRecordStream,
        revision: Int64,
        flushSize: Int = 1 << 20,
        into write: ([UInt8]) throws -> Void
    ) throws -> SnapshotManifest {
        let deflater = try GzipDeflater()
        var pending: [UInt8] = []
        pending.reserveCapacity(flushSize + 4096)
        var hasher = SHA256()
        var compressedHasher = SHA256()
        var size = 0
        var compressedSize = 0
        var counts: [String: Int] = [:]  // by the kind's name, as the manifest holds them
        func emit(_ bytes: [UInt8]) throws {
            compressedHasher.update(data: bytes)
            compressedSize += bytes.count
            try write(bytes)
        }
        func flush() throws {
            hasher.update(data: pending)
            size += pending.count
            try emit(try deflater.update(pending))
            pending.removeAll(keepingCapacity: true)
        }
        while let record = try records.next() {
            pending.append(contentsOf: record.line.utf8)
            pending.append(UInt8(ascii: "\n"))
            counts[record.kind.rawValue, default: 0] += 1
            if pending.count >= flushSize { try flush() }
        }
        try flush()
        try emit(try deflater.finish())
        let digest = Self.hex(hasher.finalize())
        return SnapshotManifest(
            id: "r\(revision)-\(digest.prefix(12))",
            revision: revision,
            schemaVersion: Schema.version,
            sha256: digest,
            compressedSHA256: Self.hex(compressedHasher.finalize()),
            size: size,
            compressedSize: compressedSize,
            records: counts
        )
    }

    /// Checks the bytes against the manifest and returns the canonical records (for snapshots small enough
    /// to hold; `records()` streams them).
    ///
    /// - Throws: what `records()` and its stream throw.
    public func unpack() throws -> [CanonicalRecord] {
        var records = try self.records()
        return try records.collect()
    }

    /// The snapshot's records, inflated as they are read: memory holds one chunk of the inflated bytes.
    ///
    /// The compressed size and hash are checked here; the uncompressed size, its hash and each line as the
    /// stream reaches them, so a consumer must treat what it read as unchecked until `next()` returned `nil`.
    ///
    /// - Throws: `DATA_LOSS` naming what does not match: size, a hash, the gzip stream (truncated or
    ///   corrupt, or inflating past `manifest.size`), a line that is not a record, not canonical or out of
    ///   canonical order.
    public func records() throws -> Records {
        let label = "snapshot \(self.manifest.id)"
        let reader = try self.source.open()
        guard reader.count == self.manifest.compressedSize else {
            throw ChronoError.dataLoss(
                "\(label): file is \(reader.count) bytes, the manifest says \(self.manifest.compressedSize) (truncated?)"
            )
        }
        var hasher = SHA256()
        while case let chunk = try reader.read(maximum: Records.inputChunk), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        guard Self.hex(hasher.finalize()) == self.manifest.compressedSHA256 else {
            throw ChronoError.dataLoss("\(label): compressed_sha256 does not match the file (corrupted)")
        }
        let input = try self.source.open()
        do {
            let inflater = try GzipInflater(maximumSize: self.manifest.size)
            return Records(input: input, manifest: self.manifest, label: label, inflater: inflater)
        } catch {
            throw ChronoError.dataLoss("\(label): gzip stream: \(error.message)")
        }
    }

    /// The stream `records()` returns.
    ///
    /// `@unchecked Sendable`: it may be made on one thread and read on another (`SnapshotDatabase.build`), but is
    /// read by one at a time.
    public struct Records: CanonicalRecordStream, @unchecked Sendable {
        /// Compressed bytes handed to the inflater at a time.
        static let inputChunk = 256 * 1024

        /// The gzip bytes, read from the first (their size and hash already checked against the manifest).
        private let input: any ArchiveReader
        private let manifest: SnapshotManifest
        /// What errors name: `snapshot <id>`.
        let label: String
        private let inflater: GzipInflater
        private var hasher = SHA256()
        private var pending: [UInt8] = []
        private var pendingStart = 0
        private var line = 0
        private var previous: RecordKey?
        private var finished = false

        fileprivate init(input: any ArchiveReader, manifest: SnapshotManifest, label: String, inflater: GzipInflater) {
            self.input = input
            self.manifest = manifest
            self.label = label
            self.inflater = inflater
        }

        public mutating func next() throws -> CanonicalRecord? {
            while true {
                if let newline = self.pending[self.pendingStart...].firstIndex(of: UInt8(ascii: "\n")) {
                    let bytes = self.pending[self.pendingStart..<newline]
                    self.pendingStart = newline + 1
                    self.line += 1
                    if bytes.isEmpty { continue }
                    return try self.record(bytes)
                }
                guard !self.finished else { return nil }
                try self.inflateMore()
            }
        }

        /// Inflates the next piece of input, or checks the whole stream once the input is used up.
        private mutating func inflateMore() throws {
            self.pending.removeFirst(self.pendingStart)
            self.pendingStart = 0
            let input = try self.input.read(maximum: Self.inputChunk)
            do {
                if !input.isEmpty {
                    let output = try self.inflater.update(input)
                    self.hasher.update(data: output)
                    self.pending += output
                    return
                }
                try self.inflater.finish()
            } catch {
                throw ChronoError.dataLoss("\(self.label): gzip stream: \(error.message)")
            }
            self.finished = true
            guard self.inflater.producedSize == self.manifest.size,
                SnapshotArchive.hex(self.hasher.finalize()) == self.manifest.sha256
            else {
                throw ChronoError.dataLoss("\(self.label): sha256 does not match the uncompressed records")
            }
            if !self.pending.isEmpty {
                // The last line has no newline: canonical exports end every line with one.
                throw ChronoError.dataLoss("\(self.label): line \(self.line + 1) is not a record")
            }
        }

        private mutating func record(_ bytes: ArraySlice<UInt8>) throws -> CanonicalRecord {
            guard let value = JSONValue.parsing(bytes), case .object(let object) = value,
                case .string(let kindName)? = object["record"], let kind = RecordKind(rawValue: kindName),
                case .string(let id)? = object["id"]
            else {
                throw ChronoError.dataLoss("\(self.label): line \(self.line) is not a record")
            }
            let record = CanonicalRecord(kind: kind, id: id, value: value)
            guard record.line.utf8.elementsEqual(bytes) else {
                throw ChronoError.dataLoss("\(self.label): line \(self.line) is not in canonical form")
            }
            if let previous = self.previous, !(previous < record.key) {
                throw ChronoError.dataLoss("\(self.label): line \(self.line) is out of canonical order")
            }
            self.previous = record.key
            return record
        }
    }

    /// The lowercase hex SHA-256 of `bytes`, as manifests hold it.
    public static func sha256(_ bytes: [UInt8]) -> String {
        Self.hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
