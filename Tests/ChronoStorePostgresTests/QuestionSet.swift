import ChronoGraph
import ChronoStore
import ChronoTesting
import Foundation
import Testing

/// The team's question set (`Tools/eval/questions.jsonl`) as the queries `Tools/eval/run.py` asks for each
/// kind, one case per query.
enum QuestionSet {
    /// Kinds whose answer depends on the ranked text search.
    static let rankedKinds: Set<String> = ["topic-search", "topic-timeline", "contested-number", "contested-fact"]

    static func cases() throws -> [DifferentialQueryTests.Case] {
        let text = try String(contentsOf: Repository.url("Tools/eval/questions.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").flatMap { line -> [DifferentialQueryTests.Case] in
            let question = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(question["id"] as? String)
            let kind = try #require(question["kind"] as? String)
            let ranked = Self.rankedKinds.contains(kind)
            func ask<Query: GraphQuery>(_ query: Query) -> DifferentialQueryTests.Case {
                DifferentialQueryTests.ask("\(id) (\(kind))", ranked: ranked, query)
            }
            if let pair = question["input"] as? [String], pair.count == 2 {
                return [ask(PathsQuery(from: pair[0], to: pair[1]))]
            }
            let input = try #require(question["input"] as? String)
            let window = input.split(separator: "/", maxSplits: 1).map(String.init)
            switch kind {
            case "timeline-month", "timeline-year":
                return [
                    ask(TimelineQuery(from: try EDTFDate(window[0]), to: try EDTFDate(window.last ?? ""), limit: 20))
                ]
            case "topic-timeline": return [ask(TimelineQuery(text: input, limit: 20))]
            case "actor-timeline": return [ask(TimelineQuery(actors: [input], limit: 20))]
            case "entity-role": return [ask(EntityQuery(id: input))]
            case "membership-issuer": return [ask(NeighborsQuery(id: input))]
            case "topic-search": return [ask(RecordSearchQuery(text: input, limit: 20)), ask(SearchQuery(text: input))]
            case "contested-number":
                return [ask(DisputesQuery(text: input, limit: 20)), ask(FiguresQuery(text: input, limit: 20))]
            case "contested-fact": return [ask(DisputesQuery(text: input, limit: 20))]
            default: throw QuestionSetError(line: String(line))
            }
        }
    }
}

struct QuestionSetError: Error {
    var line: String
}
