import ChronoGraph
internal import ChronoStore
public import Foundation

/// Seeded random events with dates of every shape the timeline meets (days, months, years, approximate
/// years, closed and open intervals), written as a `Graph/` directory, with a brute-force window scan.
public struct RandomTimeline: Sendable {
    /// (event id, EDTF date).
    public let events: [(id: String, edtf: String)]

    public init(count: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        func day() -> String {
            let year = Int.random(in: 1900...2029, using: &generator)
            let month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 1...28, using: &generator)
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        self.events = (0..<count).map { index in
            let start = day()
            let other = day()
            let edtf: String
            switch Int.random(in: 0..<10, using: &generator) {
            case 0...3: edtf = start
            case 4: edtf = String(start.prefix(7))
            case 5: edtf = String(start.prefix(4))
            case 6: edtf = "\(start.prefix(4))~"
            case 7: edtf = "\(min(start, other))/\(max(start, other))"
            case 8: edtf = "\(start.prefix(7))/.."
            default: edtf = "../\(start.prefix(4))"
            }
            return (String(format: "event-%05d", index), edtf)
        }
    }

    /// Writes the events (each with one participant, `n0`, and one entity) under `directory/Graph`.
    public func write(to directory: URL, vocabulary: URL) throws -> URL {
        let graph = try GeneratedGraphFolder.create(in: directory, vocabulary: vocabulary)
        let citation = GeneratedGraphFolder.citation
        try #"{"record":"entity","id":"n0","kind":"organisation","name":"Node","citations":\#(citation)}"#
            .appending("\n")
            .write(to: graph.appendingPathComponent("entities.jsonl"), atomically: true, encoding: .utf8)
        try self.events.map { event in
            #"{"record":"event","id":"\#(event.id)","type":"adoption","title":"T","summary":"S","date":{"edtf":"\#(event.edtf)"},"participants":[{"entity":"n0","role":"agent"}],"citations":\#(citation)}"#
        }
        .joined(separator: "\n")
        .write(to: graph.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
        return graph
    }

    /// The first `limit` event ids whose fuzzy span meets [lower, upper] (day ordinals), by a full scan; with
    /// `certainFirst`, those whose strict span lies inside it come first.
    public func window(lower: Int64, upper: Int64, limit: Int, certainFirst: Bool = false) throws -> [String] {
        try self.events.map { event -> (String, DateColumns, Int) in
            let columns = DateColumns(try EDTFDate(event.edtf))
            let possible = certainFirst && !(columns.lower >= lower && columns.upper <= upper)
            return (event.id, columns, possible ? 1 : 0)
        }
        .filter { $0.1.fuzzyLower <= upper && $0.1.fuzzyUpper >= lower }
        .sorted { ($0.2, $0.1.lower, $0.1.precision, $0.0) < ($1.2, $1.1.lower, $1.1.precision, $1.0) }
        .prefix(limit)
        .map(\.0)
    }
}
