import ChronoProtocol
import Foundation
import Testing

@testable import ChronoCLI

/// Reading records for `write` and `import`, batching under the line cap, and when `subscribe` stops.
@Suite("write input: record lines, batches, import order, subscription stop")
struct WriteInputTests {
    @Test("record lines skip blanks and name the file and line of a bad one")
    func recordLines() throws {
        let text = "{\"record\":\"entity\",\"id\":\"a\"}\n\n{\"record\":\"event\",\"id\":\"b\"}\n"
        let records = try RecordLines.parse(text, source: "f")
        #expect(records.map { $0.text("id") } == ["a", "b"])
        #expect(throws: CLIFailure(.invalidArgument, "f:2: not a JSON value")) {
            try RecordLines.parse("{\"record\":\"entity\"}\n{oops\n", source: "f")
        }
        #expect(throws: CLIFailure(.invalidArgument, "f:1: expected a record object with \"record\"")) {
            try RecordLines.parse("[1, 2]\n", source: "f")
        }
    }

    @Test("a batch over the line cap is refused with its size, never split")
    func oversizedBatch() throws {
        let summary = JSONValue.string(String(repeating: "a", count: WriteBatch.capacity))
        let big = JSONValue.object(["record": "entity", "id": "x", "summary": summary])
        let error = try #require(throws: CLIFailure.self) { try WriteBatch(upserts: [big]).checkSize() }
        #expect(error.status == .invalidArgument)
        #expect(error.message.contains("all or nothing"))
        try WriteBatch(upserts: [["record": "entity", "id": "x"]], retractions: ["y"]).checkSize()
    }

    @Test("import sends the fixture graph in dependency order, in one batch, and cuts batches at the capacity")
    func importPlan() throws {
        let plan = try ImportPlan(directory: LiveDaemon.fixtureGraph.path)
        #expect(plan.batches.count == 1)
        let kinds = plan.batches[0].map { $0.text("record") }
        #expect(kinds.count == 44)
        #expect(kinds == ImportPlan.kinds.flatMap { kind in kinds.filter { $0 == kind } })
        #expect(plan.counts["entity"] == 13)
        let small = try ImportPlan(directory: LiveDaemon.fixtureGraph.path, capacity: 2_000)
        #expect(small.batches.count > 1)
        #expect(small.batches.flatMap { $0 } == plan.batches[0])
        for batch in small.batches {
            #expect(try WriteBatch(upserts: batch).encodedSize() <= 2_000)
        }
    }

    @Test("a subscription stops after --max-frames shown frames or at --until-revision")
    func subscriptionStop() {
        var frames = SubscriptionStop(maxFrames: 2, untilRevision: nil)
        let afterFirst = frames.continues(after: ["kind": "initial", "revision": 3])
        let afterSecond = frames.continues(after: ["kind": "change", "revision": 4])
        #expect(afterFirst && !afterSecond)
        var revision = SubscriptionStop(maxFrames: nil, untilRevision: 5)
        let beforeRevision = revision.continues(after: ["kind": "initial", "revision": 3])
        let atRevision = revision.continues(after: ["kind": "change", "revision": 6])
        #expect(beforeRevision && !atRevision)
    }
}
