import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation

/// A small graph in its own temporary database, one per test; `heavy` gives its events long summaries.
struct HardeningFixture {
    static let entityCount = 8
    static let eventCount = 300
    static let summaryLength = 4_000

    let directory: TemporaryDirectory
    let live: LiveGraph

    /// Builds the graph through the real loader into a fresh database.
    static func make(heavy: Bool = false) async throws -> HardeningFixture {
        let directory = try TemporaryDirectory(prefix: "chronograph-harden")
        let graph = directory.appending("graph")
        try FileManager.default.createDirectory(at: graph, withIntermediateDirectories: true)
        try Self.write(to: graph, heavy: heavy)
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: graph).load(into: store)
        let live = LiveGraph(store: store, scratchDirectory: directory.appending("scratch").path)
        return HardeningFixture(directory: directory, live: live)
    }

    /// Removes the fixture's files.
    func remove() {
        self.directory.remove()
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
            at: Repository.url("Graph/vocabulary.json"),
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
