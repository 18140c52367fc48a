import ChronoGraph
import ChronoStore
import ChronoTesting
import Foundation

/// The repository's real `Graph/` directory and the source documents beside the repository, if present.
enum RepositoryGraph {
    /// `<repo>/Graph`.
    static var directory: URL {
        Repository.url("Graph")
    }

    /// `<repo>/../shared/seeds`, else `/work/shared/seeds`, whichever exists.
    static var seeds: URL? {
        let beside = self.directory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/seeds")
        return [beside, URL(fileURLWithPath: "/work/shared/seeds")].first {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// Every record of the real graph, parsed, with its file and line.
    static func records() throws -> [LocatedRecord] {
        try GraphLoader(directory: self.directory).records()
    }
}
