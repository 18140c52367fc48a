public import Foundation

/// Paths in the repository the tests run from, found from this file's place (`Tests/ChronoTesting/`).
public enum Repository {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `relative` (such as `Graph/vocabulary.json`) under the root.
    public static func url(_ relative: String) -> URL {
        Self.root.appendingPathComponent(relative)
    }
}
