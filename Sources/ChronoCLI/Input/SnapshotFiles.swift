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

    /// Reads the manifest file of `file`.
    /// - Throws: `INVALID_ARGUMENT` naming the manifest file when it is missing, unreadable or not an object.
    static func manifest(for file: String) throws(CLIFailure) -> JSONValue {
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
        return manifest
    }
}
