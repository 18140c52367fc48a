import ChronoClient
import ChronoProtocol
import ChronoTesting
import Testing

@Suite(.heavy, .timeLimit(.minutes(1))) struct TraversalMethodsTests {
    @Test func neighborsPathsAndSubgraphAnswerWithCitedEdges() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let root = SyntheticGraph.entity(10)
            let neighbors = try await client.call(.graphNeighbors, params: ["id": .string(root), "depth": 1]).get()
            let budget = try await client.call(.graphNeighbors, params: ["id": .string(root), "depth": 6, "limit": 5])
                .get()
            let paths = try await client.call(
                .graphPaths,
                params: ["from": .string(root), "to": .string(SyntheticGraph.entity(12)), "k": 2]
            ).get()
            let subgraph = try await client.call(.graphSubgraph, params: ["ids": [.string(root)], "depth": 1]).get()
            try await client.close()

            let nodeIDs = Set(neighbors["nodes"]?.arrayValue?.compactMap { $0["entity"]?["id"]?.stringValue } ?? [])
            #expect(nodeIDs.isSuperset(of: [SyntheticGraph.entity(11), SyntheticGraph.entity(9)]))
            let edges = neighbors["edges"]?.arrayValue ?? []
            #expect(!edges.isEmpty && edges.allSatisfy { $0["citations"]?.arrayValue?.isEmpty == false })
            #expect(budget["truncated"]?["budget"] == "nodes")
            let found = paths["paths"]?.arrayValue ?? []
            #expect(found.count == 2)
            #expect(found.first?["length"] == 2)
            #expect(subgraph["nodes"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test func listingsStatsAndReflectionCoverTheGraph() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let disputes = try await client.call(.disputesList).get()
            let figures = try await client.call(.figuresList, params: ["subject": .string(SyntheticGraph.entity(0))])
                .get()
            let stats = try await client.call(.statsGet).get()
            let reflection = try await client.call(.reflectionList).get()
            try await client.close()
            #expect(disputes["disputes"]?.arrayValue?.count == 1)
            #expect(figures["figures"]?.arrayValue?.first?["id"] == "figure-0")
            #expect(stats["counts"]?["entities"] == .int(Int64(SyntheticGraph.entityCount)))
            #expect(stats["counts"]?["events"] == .int(Int64(SyntheticGraph.eventCount)))
            let names = reflection["methods"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names == MethodName.allCases.map(\.rawValue).sorted())
        }
    }

    @Test func tinyDeadlineOnAHeavyTraversalIsDeadlineExceeded() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let heavy = try await client.call(
                .graphPaths,
                params: [
                    "from": .string(SyntheticGraph.entity(0)), "to": .string(SyntheticGraph.entity(200)),
                    "max_depth": 8, "k": 10,
                ],
                deadline: .milliseconds(1)
            )
            let after = try await client.call(.statsGet)
            try await client.close()
            #expect(heavy.status == .deadlineExceeded)
            #expect(after.status == .ok)
        }
    }
}
