public import Foundation

/// Finds executables built next to the test bundle (`.build/<triple>/debug/chrono`).
public enum BuiltProducts {
    /// The directory holding the built products.
    public static var directory: URL {
        let bundle = Bundle.main.bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    /// The path of the built product `name`, when it exists.
    public static func path(_ name: String) -> String? {
        let candidates = [
            self.directory.appendingPathComponent(name),
            self.directory.deletingLastPathComponent().appendingPathComponent(name),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
