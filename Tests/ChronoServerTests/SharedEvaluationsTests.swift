import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

@testable import ChronoServer

/// A result element known by its id, written as `{"id": …, "title": …}`.
private struct Element: ResultElement {
    var id: String
    var title: String?

    var itemID: String { self.id }

    func write(to writer: inout WireWriter) throws {
        writer.beginObject()
        writer.key("id")
        writer.string(self.id)
        if let title = self.title {
            writer.key("title")
            writer.string(title)
        }
        writer.endObject()
    }
}

/// The items of a result `{"events": [{"id": …}…], "next_cursor": …}`.
private func items(_ events: [String], title: String? = nil, cursor: String? = nil) throws -> ResultItems {
    var items = ResultItems()
    try items.add("events", events.map { Element(id: $0, title: title) })
    try items.add(member: "next_cursor", cursor)
    return items
}

/// Counts evaluations.
private actor Runs {
    private(set) var count = 0

    func add() { self.count += 1 }
}

@Suite(.heavy, .timeLimit(.minutes(1))) struct SharedEvaluationsTests {
    private static let key = SharedEvaluations.Key(method: .timelineQuery, params: ["from": 1990, "limit": 5])

    /// An evaluation that counts its runs and answers `{"events": [...]}` at `revision`.
    private static func counting(
        _ runs: Runs,
        revision: Int64,
        events: [String]
    ) -> @Sendable () async throws -> SharedEvaluations.Evaluation {
        {
            await runs.add()
            await Task.yield()
            return SharedEvaluations.Evaluation(items: try items(events), revision: revision)
        }
    }

    @Test func concurrentSubscribersOfOneQueryShareOneEvaluationPerRevision() async throws {
        let shared = SharedEvaluations()
        let runs = Runs()
        for _ in 0..<50 { shared.retain(Self.key) }
        let first = try await withThrowingTaskGroup(of: Int64.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await shared.evaluation(
                        of: Self.key,
                        atLeast: 3,
                        evaluate: Self.counting(runs, revision: 3, events: ["a", "b"])
                    ).revision
                }
            }
            return try await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(first == Array(repeating: 3, count: 50))
        #expect(await runs.count == 1)
        // A later revision is evaluated again, once; an earlier one is answered from the latest result.
        let next = try await shared.evaluation(
            of: Self.key,
            atLeast: 4,
            evaluate: Self.counting(runs, revision: 4, events: ["a", "c"])
        )
        let stale = try await shared.evaluation(
            of: Self.key,
            atLeast: 2,
            evaluate: Self.counting(runs, revision: 9, events: [])
        )
        #expect(next.revision == 4 && stale.revision == 4)
        #expect(await runs.count == 2)
        for _ in 0..<50 { shared.release(Self.key) }
        #expect(shared.count == 0)
    }

    @Test func theChangeBetweenTwoRevisionsIsComputedOnceAndIsTheDiff() throws {
        let shared = SharedEvaluations()
        shared.retain(Self.key)
        defer { shared.release(Self.key) }
        let old = SharedEvaluations.Evaluation(items: try items(["a", "b"]), revision: 3)
        let new = SharedEvaluations.Evaluation(items: try items(["a", "c"]), revision: 4)
        let change = try shared.change(of: Self.key, from: old, to: new)
        let encoded = try #require(change.frame)
        let frame = encoded.frame
        #expect(frame.added?.map(\.id) == ["c"])
        #expect(frame.removed?.map(\.id) == ["b"])
        #expect(frame.changed?.isEmpty == true)
        #expect(frame.revision == 4)
        #expect(encoded.json == (try WireWriter.bytes(of: frame)))
        #expect(try wireForm(encoded)["added"]?.arrayValue?.map { $0["id"] } == ["c"])
        // The same pair of revisions gives the kept change, whatever items are passed.
        let again = try shared.change(
            of: Self.key,
            from: old,
            to: SharedEvaluations.Evaluation(items: old.items, revision: 4)
        )
        #expect(again.frame?.frame.added?.map(\.id) == ["c"])
        // No difference, no frame.
        #expect(
            try shared.change(of: Self.key, from: new, to: SharedEvaluations.Evaluation(items: new.items, revision: 5))
                .frame == nil
        )
    }

    @Test func anEncodedFrameWritesTheBytesOfItsFrame() throws {
        let encoded = try EncodedFrame(
            SubscriptionFrame.initial(try items(["a"], title: "x/y", cursor: "c"), revision: 7)
        )
        #expect(try WireWriter.bytes(of: encoded) == encoded.json)
        #expect(try wireForm(encoded) == (try wireForm(encoded.frame)))
        let text = String(decoding: encoded.json, as: UTF8.self)
        #expect(text.hasPrefix(#"{"added":[{"collection":"","id":"next_cursor","value":"c"}"#))
        #expect(text.contains(#""kind":"initial""#) && text.contains(#""revision":7"#) && text.contains("x/y"))
    }
}
