import ChronoProtocol
import ChronoStore
import Foundation

/// A small graph in its own temporary database, one per test; `heavy` gives its events long summaries.
struct HardeningFixture {
    static let entityCount = 8
    static let eventCount = 300
    static let summaryLength = 4_000

    let directory: URL
    let live: LiveGraph

    /// The repository root (for `Graph/vocabulary.json`).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Builds the graph through the real loader into a fresh database.
    static func make(heavy: Bool = false) async throws -> HardeningFixture {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "chronograph-harden-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
            )
        let graph = directory.appendingPathComponent("graph")
        try FileManager.default.createDirectory(at: graph, withIntermediateDirectories: true)
        try Self.write(to: graph, heavy: heavy)
        let store = try await GraphStore.open(path: directory.appendingPathComponent("graph.sqlite").path)
        try await GraphLoader(directory: graph).load(into: store)
        let live = LiveGraph(store: store, scratchDirectory: directory.appendingPathComponent("scratch").path)
        return HardeningFixture(directory: directory, live: live)
    }

    /// Removes the fixture's files.
    func remove() {
        try? FileManager.default.removeItem(at: self.directory)
    }

    static func entity(_ index: Int) -> String { "entity-\(index % Self.entityCount)" }

    static let citation: JSONValue = [["doc": "fixture.txt", "lines": [1, 2]]]

    /// An event record in the `Graph/` format; `summary` pads it to make results heavy.
    static func event(_ id: String, year: Int, summary: String = "A generated event.") -> JSONValue {
        [
            "record": "event", "id": .string(id), "type": "statement", "title": .string("Event \(id)"),
            "summary": .string(summary), "date": ["edtf": .string(String(year))],
            "participants": [["entity": .string(Self.entity(year)), "role": "agent"]],
            "citations": Self.citation,
        ]
    }

    private static func write(to graph: URL, heavy: Bool) throws {
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("Graph/vocabulary.json"),
            to: graph.appendingPathComponent("vocabulary.json")
        )
        var lines: [JSONValue] = [["record": "document", "id": "fixture.txt", "title": "Fixture", "lines": 100]]
        for index in 0..<Self.entityCount {
            lines.append(
                [
                    "record": "entity", "id": .string(Self.entity(index)), "kind": "organisation",
                    "name": .string("Entity \(index)"), "aliases": [], "summary": "A generated entity.",
                    "attributes": [:], "citations": Self.citation,
                ])
        }
        let padding = heavy ? String(repeating: "heavy text ", count: Self.summaryLength / 11) : "A generated event."
        for index in 0..<Self.eventCount {
            lines.append(Self.event("event-\(index)", year: 1990 + index % 30, summary: padding))
        }
        let text = lines.map(\.canonicalText).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: graph.appendingPathComponent("records.jsonl"))
    }
}
