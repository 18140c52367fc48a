import ChronoProtocol
import ChronoServer
import ChronoStore
import ChronoTesting
import Foundation

/// A small generated graph in its own temporary database, one per test (writes change it).
struct LiveFixture {
    static let entityCount = 24
    static let eventCount = 40
    static let documentLines = 500

    /// What the suites' servers run with: progress reports every 50 ms, so tests see them quickly.
    static let liveConfiguration = LiveConfiguration(progressInterval: .milliseconds(50))

    let directory: TemporaryDirectory
    let live: LiveGraph

    /// Builds the graph through the real loader into a fresh database.
    static func make(graph: URL? = nil) async throws -> LiveFixture {
        let directory = try TemporaryDirectory(prefix: "chronograph-live")
        let source = graph ?? directory.appending("graph")
        if graph == nil {
            try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
            try Self.write(to: source)
        }
        let store = try await GraphStore.open(path: directory.appending("live.sqlite").path)
        try await GraphLoader(directory: source).load(into: store)
        let live = LiveGraph(store: store, scratchDirectory: directory.appending("scratch").path)
        return LiveFixture(directory: directory, live: live)
    }

    /// Removes the fixture's files.
    func remove() {
        self.directory.remove()
    }

    /// Adds `count` entities whose summaries are `length` seeded pseudo-random hex digits: gzip cannot shrink
    /// them below about half, so the snapshot's archive grows by roughly `count * length / 2` bytes.
    func addNoise(count: Int, length: Int, seed: UInt64 = 19) async throws {
        var generator = SeededGenerator(seed: seed)
        let upserts = (0..<count).map { index -> JSONValue in
            let digits = (0..<(length + 15) / 16).map { _ in String(generator.next(), radix: 16) }.joined()
            return [
                "record": "entity", "id": .string("noise-\(String(format: "%05d", index))"), "kind": "organisation",
                "name": .string("Noise \(index)"), "aliases": [], "summary": .string(String(digits.prefix(length))),
                "attributes": [:], "citations": Self.citation(index),
            ]
        }
        _ = try await self.live.write(upserts: upserts, retractions: [])
    }

    static func entity(_ index: Int) -> String { "entity-\(String(format: "%03d", index % Self.entityCount))" }

    static func citation(_ seed: Int) -> JSONValue {
        let first = 1 + (seed * 7) % (Self.documentLines - 3)
        return [["doc": "fixture.txt", "lines": [.int(Int64(first)), .int(Int64(first + 2))]]]
    }

    static func entityRecord(_ index: Int, summary: String? = nil) -> JSONValue {
        [
            "record": "entity", "id": .string(Self.entity(index)), "kind": index % 3 == 0 ? "state" : "organisation",
            "name": .string("Entity \(index)"), "aliases": [.string("E\(index)")],
            "summary": .string(summary ?? "Generated entity \(index)."), "attributes": [:],
            "citations": Self.citation(index),
        ]
    }

    static func eventRecord(_ id: String, year: Int, title: String, agent: Int, target: Int) -> JSONValue {
        [
            "record": "event", "id": .string(id), "type": "statement", "title": .string(title),
            "summary": .string("Generated event \(title)."), "date": ["edtf": .string(String(year))],
            "participants": [
                ["entity": .string(Self.entity(agent)), "role": "agent"],
                ["entity": .string(Self.entity(target)), "role": "target"],
            ],
            "citations": Self.citation(year),
        ]
    }

    static func relationRecord(from: Int, to: Int) -> JSONValue {
        let id = "\(Self.entity(from))--cooperates_with--\(Self.entity(to))"
        return [
            "record": "relation", "id": .string(id), "type": "cooperates_with", "from": .string(Self.entity(from)),
            "to": .string(Self.entity(to)), "citations": Self.citation(from * 31 + to),
        ]
    }

    private static func write(to graph: URL) throws {
        try FileManager.default.copyItem(
            at: Repository.url("Graph/vocabulary.json"),
            to: graph.appendingPathComponent("vocabulary.json")
        )
        var lines: [JSONValue] = [
            ["record": "document", "id": "fixture.txt", "title": "Fixture", "lines": .int(Int64(Self.documentLines))]
        ]
        for index in 0..<Self.entityCount {
            lines.append(Self.entityRecord(index))
            lines.append(Self.relationRecord(from: index, to: index + 1))
        }
        for index in 0..<Self.eventCount {
            lines.append(
                Self.eventRecord(
                    "event-\(String(format: "%03d", index))",
                    year: 1990 + index % 20,
                    title: "Event \(index)",
                    agent: index,
                    target: index * 5 + 3
                )
            )
        }
        lines += Self.varied
        let text = lines.map(\.canonicalText).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: graph.appendingPathComponent("records.jsonl"))
    }

    /// Records using every optional field, non-ASCII text and fractional numbers.
    static let varied: [JSONValue] = [
        [
            "record": "entity", "id": "law-on-things", "kind": "law", "name": "Law “On things” — Bakı",
            "aliases": ["Qanun", "Law No. 1"], "summary": "A law with\ttabs and a \\ backslash.",
            "attributes": ["area": "migration"], "number": "No. 592-IQ",
            "dates": ["adopted": ["edtf": "1998-12-22", "text": "22 December 1998"], "in_force": ["edtf": "1999~"]],
            "citations": [["doc": "fixture.txt", "lines": [10, 12], "ref": "Yunusov 2009, p. 151"]],
        ],
        [
            "record": "relation", "id": "entity-001--adopted--law-on-things", "type": "adopted", "from": "entity-001",
            "to": "law-on-things", "date": ["edtf": "1998-12-22", "text": "in December"], "summary": "Adopted it.",
            "citations": LiveFixture.citation(11),
        ],
        [
            "record": "dispute", "id": "how-many", "subject": "entity-002", "topic": "how many came",
            "claims": [
                ["claim": "about 600,000", "citations": LiveFixture.citation(12)],
                ["claim": "over 700,000", "citations": LiveFixture.citation(13)],
            ],
        ],
        [
            "record": "figure", "id": "figure-fraction", "subject": "entity-002", "measure": "arrivals",
            "value": 1432.6, "qualifier": "about", "unit": "people", "date": ["edtf": "1991/2006"],
            "citations": LiveFixture.citation(14),
        ],
        [
            "record": "figure", "id": "figure-whole", "measure": "applications", "value": 44000, "qualifier": "over",
            "unit": "applications", "citations": LiveFixture.citation(15),
        ],
    ]
}
