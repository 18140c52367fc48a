import ChronoTesting
import Foundation

/// The bad-input corpus, read from `Fixtures/bad_inputs.jsonl` next to this file.
enum BadInputCorpus {
    /// Every case, in file order.
    static func load() throws -> [BadInputCase] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bad_inputs.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").enumerated().map { index, line in
            do {
                return try decoder.decode(BadInputCase.self, from: Data(line.utf8))
            } catch {
                throw FixtureError(message: "bad_inputs.jsonl line \(index + 1): \(error)")
            }
        }
    }

    /// The core store's fixture graph (`Tests/ChronoStoreTests/Fixtures/graph`), small and stable.
    static var graph: URL {
        Repository.url("Tests/ChronoStoreTests/Fixtures/graph")
    }
}
