import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import Testing

/// The hand-written wire form of query results (`WireEncodable`) against `JSONEncoder`'s, on real answers
/// over the repository graph: the same JSON value, and every object's members in sorted order.
@Suite("Wire form of query results", .heavy, .timeLimit(.minutes(2)))
struct WireFormTests {
    private static func check(_ value: some WireEncodable, _ label: String) throws {
        var writer = WireWriter()
        try value.write(to: &writer)
        let fast = writer.bytes
        let reference = Array(try WireCoding.encode(value))
        let parsedFast = try fast.withUnsafeBytes { try JSONParser.parse($0, maximumDepth: 64) }
        let parsedReference = try reference.withUnsafeBytes { try JSONParser.parse($0, maximumDepth: 64) }
        #expect(parsedFast == parsedReference, "\(label): the two encodings differ")
        #expect(Self.membersAreSorted(fast), "\(label): members out of order")
    }

    /// Whether every object's member names appear in ascending byte order (checked on the raw text).
    private static func membersAreSorted(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        var stack: [[String]] = []
        var index = text.startIndex
        var inString = false
        var escaped = false
        var current = ""
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    let after = text[index...].first
                    if after == ":", !stack.isEmpty { stack[stack.count - 1].append(current) }
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                inString = true
                current = ""
            case "{": stack.append([])
            case "}":
                let names = stack.removeLast()
                guard names == names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) else { return false }
            default: break
            }
        }
        return true
    }

    @Test func fastFormsMatchTheEncoderOnRealAnswers() async throws {
        let directory = try TemporaryDirectory(prefix: "wireform")
        defer { directory.remove() }
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: RepositoryGraph.directory).load(into: store)
        var cursor: String?
        var pages = 0
        repeat {
            let page = try await store.run(TimelineQuery(limit: 50, cursor: cursor))
            try Self.check(page, "timeline page \(pages)")
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 100
        #expect(pages > 1)
        let entities = try RepositoryGraph.records().compactMap { located -> String? in
            guard case .entity(let entity) = located.record else { return nil }
            return entity.id
        }
        for (index, id) in entities.enumerated() where index % 7 == 0 {
            try Self.check(
                try await store.run(NeighborsQuery(id: id, depth: 2, limit: 50)),
                "neighbours of \(id)"
            )
            let other = entities[(index * 31 + 5) % entities.count]
            try Self.check(try await store.run(PathsQuery(from: id, to: other, k: 2)), "paths \(id) → \(other)")
        }
        for text in ["migration", "Azərbaycan", "refugee law", "IDP"] {
            try Self.check(try await store.run(SearchQuery(text: text)), "search \(text)")
        }
    }
}
