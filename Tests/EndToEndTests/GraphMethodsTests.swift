import ChronoClient
import ChronoProtocol
import ChronoTesting
import Testing

@Suite(.heavy, .timeLimit(.minutes(1))) struct GraphMethodsTests {
    @Test func timelineQueryPagesWithACursorAndEchoesTheWindow() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let params: [String: JSONValue] = ["from": 1990, "to": "1995", "limit": 10]
            let first = try await client.call(.timelineQuery, params: params).get()
            var next = params
            next["cursor"] = try #require(first["next_cursor"])
            let second = try await client.call(.timelineQuery, params: next).get()
            try await client.close()
            #expect(first["window"]?["lower"] == "1990-01-01")
            #expect(first["window"]?["upper"] == "1995-12-31")
            #expect(first["ordering"]?.stringValue?.isEmpty == false)
            #expect(first["events"]?.arrayValue?.count == 10)
            let ids = (first["events"]?.arrayValue ?? []) + (second["events"]?.arrayValue ?? [])
            #expect(Set(ids.compactMap { $0["id"] }).count == 20)
        }
    }

    @Test func timelineStreamSendsDataFramesThenATerminalFrame() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            var frames: [Frame] = []
            for try await frame in client.stream(.timelineStream, params: ["from": 1950, "to": 1952]) {
                frames.append(frame)
            }
            try await client.close()
            guard case .terminal(let terminal) = try #require(frames.last) else {
                Issue.record("stream did not end with a terminal frame")
                return
            }
            let data = frames.dropLast().compactMap { frame -> DataFrame? in
                guard case .data(let data) = frame else { return nil }
                return data
            }
            #expect(terminal.status == .ok)
            #expect(data.count == frames.count - 1)
            #expect(data.map(\.seq) == Array(0..<Int64(data.count)))
            #expect(terminal.result?["count"] == .int(Int64(data.count)))
            #expect(data.count == 18)
        }
    }

    @Test func entityGetResolvesAnAliasAndSearchFindsIt() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let entity = try await client.call(.entityGet, params: ["id": "E42"]).get()
            let search = try await client.call(.entitySearch, params: ["text": "Entity 42", "limit": 5]).get()
            let missing = try await client.call(.entityGet, params: ["id": "no-such-entity"])
            try await client.close()
            #expect(entity["entity"]?["id"] == "entity-0042")
            #expect(entity["relations"]?.arrayValue?.isEmpty == false)
            #expect(search["results"]?.arrayValue?.contains { $0["entity"]?["id"] == "entity-0042" } == true)
            #expect(missing.status == .notFound)
        }
    }
}
