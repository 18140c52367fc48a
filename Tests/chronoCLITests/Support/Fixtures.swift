import ChronoProtocol
import Foundation

/// Hand-written results in the shapes of `Protocol/PROTOCOL.md`, under `Fixtures/results/`.
enum Fixtures {
    /// The folder holding the fixtures.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The result stored in `results/<name>.json`.
    static func result(_ name: String) throws -> JSONValue {
        let url = self.directory.appendingPathComponent("results").appendingPathComponent("\(name).json")
        return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    /// Parses a JSON document produced by the CLI.
    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
