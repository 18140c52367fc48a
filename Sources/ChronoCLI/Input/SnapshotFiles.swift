public import ChronoProtocol
import Foundation

/// A snapshot on disk: `FILE` (the gzip bytes) and `FILE.manifest.json` (the manifest), as export writes them.
public enum SnapshotFiles {
    /// The manifest's path for a snapshot file.
    public static func manifestPath(for file: String) -> String {
        file + ".manifest.json"
    }

    /// Writes `manifest` to the manifest file of `file`, replacing it whole.
    /// - Throws: `INVALID_ARGUMENT` naming the manifest file when it cannot be written.
    static func writeManifest(_ manifest: JSONValue, for file: String) throws(CLIFailure) {
        let manifestFile = self.manifestPath(for: file)
        do {
            try Data((try JSONOutput.pretty(manifest) + "\n").utf8)
                .write(to: URL(fileURLWithPath: manifestFile), options: .atomic)
        } catch {
            throw CLIFailure(.invalidArgument, "\(manifestFile): cannot write the file")
        }
    }

    /// Reads `file` and its manifest file as `Snapshot/Import` params, refusing what one request line cannot carry.
    /// - Throws: `INVALID_ARGUMENT` naming the file that is missing, unreadable, not JSON or too large.
    public static func load(_ file: String) throws(CLIFailure) -> [String: JSONValue] {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw CLIFailure(.invalidArgument, "\(file): cannot read the file")
        }
        let manifestFile = self.manifestPath(for: file)
        guard let manifestBytes = FileManager.default.contents(atPath: manifestFile) else {
            throw CLIFailure(.invalidArgument, "\(manifestFile): cannot read the manifest (export writes it)")
        }
        let manifest: JSONValue
        do {
            manifest = try JSONDecoder().decode(JSONValue.self, from: manifestBytes)
        } catch {
            throw CLIFailure(.invalidArgument, "\(manifestFile): not JSON")
        }
        guard manifest.objectValue != nil else {
            throw CLIFailure(.invalidArgument, "\(manifestFile): expected a manifest object")
        }
        let data = bytes.base64EncodedString()
        guard data.utf8.count <= WriteBatch.capacity else {
            throw CLIFailure(
                .invalidArgument,
                "\(file): \(bytes.count) bytes are \(data.utf8.count) in base64, more than one request line carries"
            )
        }
        return ["manifest": manifest, "data": .string(data)]
    }
}
