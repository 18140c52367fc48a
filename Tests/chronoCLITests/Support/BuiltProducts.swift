import Foundation

/// Finds executables built next to the test bundle (`.build/<triple>/debug/chrono`).
enum BuiltProducts {
    /// The directory holding the built products.
    static var directory: URL {
        let bundle = Bundle.main.bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    /// The path of the built product `name`, when it exists.
    static func path(_ name: String) -> String? {
        let candidates = [
            self.directory.appendingPathComponent(name),
            self.directory.deletingLastPathComponent().appendingPathComponent(name),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
