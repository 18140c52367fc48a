import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoTesting
import Logging
import Testing

@Suite(.heavy, .timeLimit(.minutes(1))) struct ServerLimitsTests {
    @Test func connectionBeyondTheLimitGetsResourceExhaustedThenClose() async throws {
        try await withServer(configuration: .init(maximumConnections: 1)) { port in
            let first = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let admitted = try await first.call(.healthCheck)
            let refused = try await RawConnection.exchange(port: port, bytes: [], count: 1, checkClose: true)
            let stillServed = try await first.call(.healthCheck)
            try await first.close()
            #expect(admitted.status == .ok)
            #expect(refused.anonymous.first?.status == .resourceExhausted)
            #expect(refused.anonymous.first?.message == "too many connections (limit 1)")
            #expect(refused.closed)
            #expect(stillServed.status == .ok)
        }
    }

    @Test func resultOverTheSizeLimitIsResourceExhausted() async throws {
        try await withServer(configuration: .init(maximumResultBytes: 2_000)) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let large = try await client.call(.timelineQuery, params: ["limit": 100])
            let small = try await client.call(.healthCheck)
            try await client.close()
            #expect(large.status == .resourceExhausted)
            #expect(large.message?.contains("exceeds the limit of 2000 bytes") == true)
            #expect(small.status == .ok)
        }
    }

    @Test func manyConcurrentCallsOnOneConnectionAreRoutedById() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let statuses = try await withThrowingTaskGroup(of: StatusCode.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await client.call(.healthCheck).status }
                }
                return try await group.reduce(into: [StatusCode]()) { $0.append($1) }
            }
            try await client.close()
            #expect(statuses.count == 40)
            #expect(statuses.allSatisfy { $0 == .ok })
        }
    }

    @Test func cancelOfAnUnknownIdAnswersFalse() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let response = try await client.call(.callCancel, params: ["id": 12345])
            let wrongType = try await client.call(.callCancel, params: ["id": true])
            try await client.close()
            #expect(response.result == ["cancelled": false])
            #expect(wrongType.status == .invalidArgument)
            #expect(wrongType.message == "params.id: expected an integer or a string, got true")
        }
    }

    @Test func closeStopsTheServerAndIdleClientsSeeTheConnectionEnd() async throws {
        let dispatcher = Dispatcher(methods: Dispatcher.builtinMethods(revision: { 7 }), currentRevision: { 7 })
        let server = try await ChronoServer.bind(
            host: "127.0.0.1",
            port: 0,
            dispatcher: dispatcher,
            logger: Logger(label: "chronod.test")
        )
        let running = Task { try await server.run() }
        let client = try await ChronoClient.connect(host: "127.0.0.1", port: server.port)
        let before = try await client.call(.healthCheck)
        await server.close()
        try await running.value
        let after = await #expect(throws: ChronoError.self) { try await client.call(.healthCheck) }
        #expect(before.revision == 7)
        #expect(after?.code == .unavailable)
    }
}
