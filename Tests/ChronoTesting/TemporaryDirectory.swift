public import Foundation

/// A fresh directory under the system temporary directory, for one test's files; removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Creates `<temporary directory>/<prefix>-<pid>-<uuid>`.
    public init(prefix: String = "chronograph") throws {
        self.url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true)
    }

    /// The URL of `name` inside the directory.
    public func appending(_ name: String) -> URL {
        self.url.appendingPathComponent(name)
    }

    /// A database path inside the directory.
    public var databasePath: String { self.appending("graph.sqlite").path }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: self.url)
    }
}
