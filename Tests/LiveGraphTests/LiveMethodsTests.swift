import ChronoClient
import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoServer

@Suite(.heavy, .timeLimit(.minutes(1))) struct LiveMethodsTests {
    @Test func writesNeedTheDaemonTokenWhenItHasOne() async throws {
        let fixture = try await LiveFixture.make()
        defer { fixture.remove() }
        let box = OutcomeBox<[StatusCode]>()
        let configuration = LiveConfiguration(token: "s3cret", progressInterval: .milliseconds(50))
        try await withServer(live: fixture.live, liveConfiguration: configuration) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let params: [String: JSONValue] = ["upserts": [LiveFixture.entityRecord(2, summary: "Token test.")]]
            let missing = try await client.call(.factsWrite, params: params)
            let wrong = try await client.call(.factsWrite, params: params, metadata: ["authorization": "s3cre"])
            let right = try await client.call(.factsWrite, params: params, metadata: ["authorization": "s3cret"])
            let read = try await client.call(.entityGet, params: ["id": "entity-002"])
            let restore = try await client.call(.snapshotRestore, params: ["id": "r1-000000000000"])
            try await client.close()
            box.outcome = [missing.status, wrong.status, right.status, read.status, restore.status]
        }
        #expect(box.outcome == [.unauthenticated, .unauthenticated, .ok, .ok, .unauthenticated])
    }

    @Test func bindingOffLoopbackNeedsATokenAndTokensCompareExactly() throws {
        #expect(throws: ChronoError.self) { try WriteAuthorization.checkBinding(host: "0.0.0.0", token: nil) }
        try WriteAuthorization.checkBinding(host: "0.0.0.0", token: "t")
        try WriteAuthorization.checkBinding(host: "127.0.0.1", token: nil)
        try WriteAuthorization.checkBinding(host: "localhost", token: nil)
        #expect(WriteAuthorization.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!WriteAuthorization.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!WriteAuthorization.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!WriteAuthorization.constantTimeEqual([], Array("a".utf8)))
    }

    private struct Moved: Sendable {
        var listed: [String]
        var pastSummary: JSONValue?
        var pastRevision: Int64
        var liveSummary: JSONValue?
        var changed: [JSONValue]
        var importedID: JSONValue?
        var createdID: JSONValue?
        var corrupted: StatusCode
    }

    @Test func snapshotBytesTravelOverTheProtocolAndAsOfAnswersFromThem() async throws {
        let source = try await LiveFixture.make()
        let target = try await LiveFixture.make()
        defer {
            source.remove()
            target.remove()
        }
        let exported = OutcomeBox<JSONValue>()
        try await withServer(live: source.live, liveConfiguration: LiveFixture.liveConfiguration) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            _ = try await client.call(
                .factsWrite,
                params: ["upserts": [LiveFixture.entityRecord(6, summary: "Moved.")]]
            ).get()
            let created = try await client.call(.snapshotCreate).get()
            try await client.close()
            let (pieces, end) = try await SnapshotTransferTests.export(created["id"]?.stringValue ?? "", port: port)
            let bytes = pieces.compactMap { $0["data"]?.stringValue.flatMap { Data(base64Encoded: $0) } }
            exported.outcome = [
                "manifest": end?.result?["manifest"] ?? .null,
                "data": .string(bytes.reduce(Data(), +).base64EncodedString()),
            ]
        }
        let payload = try #require(exported.outcome)
        let box = OutcomeBox<Moved>()
        try await withServer(live: target.live, liveConfiguration: LiveFixture.liveConfiguration) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let imported = try await client.call(
                .snapshotImport,
                params: ["manifest": payload["manifest"] ?? .null, "data": payload["data"] ?? .null]
            ).get()
            let id = imported["manifest"]?["id"] ?? .null
            let list = try await client.call(.snapshotList).get()
            let past = try await client.call(.entityGet, params: ["id": "entity-006", "as_of": id])
            let live = try await client.call(.entityGet, params: ["id": "entity-006"]).get()
            let diff = try await client.call(.snapshotDiff, params: ["from": id]).get()
            var data = Array(Data(base64Encoded: payload["data"]?.stringValue ?? "") ?? Data())
            data[data.count / 3] ^= 0x01
            let corrupted = try await client.call(
                .snapshotImport,
                params: ["manifest": payload["manifest"] ?? .null, "data": .string(Data(data).base64EncodedString())]
            )
            try await client.close()
            box.outcome = Moved(
                listed: (list["snapshots"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue },
                pastSummary: try past.get()["entity"]?["summary"],
                pastRevision: past.revision,
                liveSummary: live["entity"]?["summary"],
                changed: diff["changed"]?.arrayValue ?? [],
                importedID: id,
                createdID: payload["manifest"]?["id"],
                corrupted: corrupted.status
            )
        }
        let moved = try #require(box.outcome)
        #expect(moved.importedID == moved.createdID)
        #expect(moved.listed == [moved.importedID?.stringValue ?? "?"])
        #expect(moved.pastSummary == "Moved.")
        #expect(moved.pastRevision == payload["manifest"]?["revision"]?.intValue)
        #expect(moved.liveSummary == "Generated entity 6.")
        #expect(moved.changed == [["kind": "entity", "id": "entity-006"]])
        #expect(moved.corrupted == .dataLoss)
    }
}
