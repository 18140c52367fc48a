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
    /// The gzip bytes (`zcat` prints the canonical export).
    public var compressed: [UInt8]

    /// Pairs gzip bytes with the manifest that describes them (checked by `unpack()`).
    public init(manifest: SnapshotManifest, compressed: [UInt8]) {
        self.manifest = manifest
        self.compressed = compressed
    }

    /// Packs `records` (already in canonical order) taken at `revision`.
    package static func pack(_ records: [CanonicalRecord], revision: Int64) throws -> SnapshotArchive {
        var text = ""
        var counts: [String: Int] = [:]  // by the kind's name, as the manifest holds them
        for record in records {
            text += record.line
            text += "\n"
            counts[record.kind.rawValue, default: 0] += 1
        }
        let bytes = Array(text.utf8)
        let compressed = try GzipDeflater.compress(bytes)
        let digest = Self.sha256(bytes)
        let manifest = SnapshotManifest(
            id: "r\(revision)-\(digest.prefix(12))",
            revision: revision,
            schemaVersion: Schema.version,
            sha256: digest,
            compressedSHA256: Self.sha256(compressed),
            size: bytes.count,
            compressedSize: compressed.count,
            records: counts
        )
        return SnapshotArchive(manifest: manifest, compressed: compressed)
    }

    /// Checks the bytes against the manifest and returns the canonical records.
    ///
    /// - Throws: `DATA_LOSS` naming what does not match: size, a hash, the gzip stream (truncated or
    ///   corrupt, or inflating past `manifest.size`), a line that is not a record or not canonical.
    public func unpack() throws -> [CanonicalRecord] {
        let label = "snapshot \(self.manifest.id)"
        guard self.compressed.count == self.manifest.compressedSize else {
            throw ChronoError.dataLoss(
                "\(label): file is \(self.compressed.count) bytes, the manifest says \(self.manifest.compressedSize) (truncated?)"
            )
        }
        guard Self.sha256(self.compressed) == self.manifest.compressedSHA256 else {
            throw ChronoError.dataLoss("\(label): compressed_sha256 does not match the file (corrupted)")
        }
        let bytes: [UInt8]
        do {
            bytes = try GzipInflater.decompress(self.compressed, expectedSize: self.manifest.size)
        } catch {
            throw ChronoError.dataLoss("\(label): gzip stream: \(error.message)")
        }
        guard bytes.count == self.manifest.size, Self.sha256(bytes) == self.manifest.sha256 else {
            throw ChronoError.dataLoss("\(label): sha256 does not match the uncompressed records")
        }
        return try Self.records(bytes, label: label)
    }

    private static func records(_ bytes: [UInt8], label: String) throws -> [CanonicalRecord] {
        var records: [CanonicalRecord] = []
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty else { continue }
            guard let value = JSONValue.parsing(line), case .object(let object) = value,
                case .string(let kindName)? = object["record"], let kind = RecordKind(rawValue: kindName),
                case .string(let id)? = object["id"]
            else {
                throw ChronoError.dataLoss("\(label): line \(index + 1) is not a record")
            }
            let record = CanonicalRecord(kind: kind, id: id, value: value)
            guard Array(record.line.utf8) == Array(line) else {
                throw ChronoError.dataLoss("\(label): line \(index + 1) is not in canonical form")
            }
            records.append(record)
        }
        return records
    }

    /// The lowercase hex SHA-256 of `bytes`, as manifests hold it.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
