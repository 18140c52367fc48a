import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoStore

@Suite("Traversals on the fixture graph")
struct TraversalTests {
    @Test func expandsOneHopBothWaysWithFilters() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let store = fixture.store
        let all = try await store.run(NeighborsQuery(id: "Azerbaijan"))
        #expect(
            all.nodes.map(\.entity.id) == [
                "baku", "germany", "heydar-aliyev", "ilham-aliyev", "milli-majlis", "readmission-agreement-eu",
                "state-migration-service",
            ]
        )
        #expect(all.nodes.allSatisfy { $0.depth == 1 })
        #expect(all.edges.count == 7)
        #expect(all.truncated == nil)
        let out = try await store.run(NeighborsQuery(id: "azerbaijan", direction: .out))
        #expect(out.nodes.map(\.entity.id) == ["readmission-agreement-eu"])
        let heads = try await store.run(NeighborsQuery(id: "azerbaijan", relations: ["heads"]))
        #expect(heads.nodes.map(\.entity.id) == ["heydar-aliyev", "ilham-aliyev"])
        let people = try await store.run(NeighborsQuery(id: "azerbaijan", kinds: [.person]))
        #expect(people.nodes.map(\.entity.id) == ["heydar-aliyev", "ilham-aliyev"])
        let dated = try await store.run(
            NeighborsQuery(id: "azerbaijan", from: try EDTFDate("1995"), to: try EDTFDate("2000"))
        )
        #expect(dated.nodes.map(\.entity.id) == ["baku", "heydar-aliyev", "milli-majlis", "state-migration-service"])
    }

    @Test func reportsTheNodeBudgetAndWhereItRanOut() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let cut = try await fixture.store.run(NeighborsQuery(id: "azerbaijan", limit: 3))
        #expect(cut.nodes.map(\.entity.id) == ["baku", "germany", "heydar-aliyev"])
        #expect(cut.truncated == Truncated(budget: .nodes, limit: 3, at: "azerbaijan"))
        let unknown = await #expect(throws: GraphError.self) {
            try await fixture.store.run(NeighborsQuery(id: "azerbaijan", relations: ["heads", "likes"]))
        }
        #expect(unknown == .unknownTerm(section: .relationTypes, index: 1, value: "likes"))
        await #expect(throws: GraphError.self) {
            try await fixture.store.run(PathsQuery(from: "baku", to: "germany", relations: ["likes"]))
        }
    }

    @Test func expandsTwoHopsWithDepths() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let two = try await fixture.store.run(NeighborsQuery(id: "ilham-aliyev", depth: 2))
        #expect(two.nodes.filter { $0.depth == 1 }.map(\.entity.id) == ["azerbaijan", "decree-2007-03-19"])
        #expect(
            two.nodes.filter { $0.depth == 2 }.map(\.entity.id) == [
                "baku", "germany", "heydar-aliyev", "milli-majlis", "readmission-agreement-eu",
                "state-migration-service",
            ]
        )
    }

    @Test func findsShortestPathsWithDirectionsAndCitations() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let one = try await fixture.store.run(PathsQuery(from: "Ilham Aliyev", to: "migration-code"))
        let path = try #require(one.paths.first)
        #expect(one.paths.count == 1)
        #expect(path.length == 3)
        #expect(path.nodes.map(\.id) == ["ilham-aliyev", "azerbaijan", "milli-majlis", "migration-code"])
        #expect(path.hops.map(\.forward) == [true, false, true])
        #expect(path.hops[1].edge?.id == "milli-majlis--part_of--azerbaijan")
        #expect(path.hops.allSatisfy { !$0.citations.isEmpty })
        let three = try await fixture.store.run(
            PathsQuery(from: "ilham-aliyev", to: "migration-code", maxDepth: 5, k: 3)
        )
        #expect(three.paths.map(\.length) == [3, 4, 5])
        #expect(
            three.paths[1].nodes.map(\.id) == [
                "ilham-aliyev", "azerbaijan", "milli-majlis", "law-on-immigration-1998", "migration-code",
            ]
        )
        let bounded = try await fixture.store.run(PathsQuery(from: "ilham-aliyev", to: "migration-code", k: 3))
        #expect(bounded.paths.map(\.length) == [3, 4])
        let none = try await fixture.store.run(PathsQuery(from: "ilham-aliyev", to: "migration-code", maxDepth: 2))
        #expect(none.paths.isEmpty)
        #expect(none.truncated == nil)
        let typed = try await fixture.store.run(
            PathsQuery(from: "ilham-aliyev", to: "heydar-aliyev", relations: ["heads"])
        )
        #expect(typed.paths.first?.nodes.map(\.id) == ["ilham-aliyev", "azerbaijan", "heydar-aliyev"])
        let starved = try await fixture.store.run(
            PathsQuery(from: "ilham-aliyev", to: "migration-code", nodeBudget: 2)
        )
        #expect(starved.truncated?.budget == .nodes)
    }

    @Test func exportsASubgraphWithTheEdgesAmongItsNodes() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let subgraph = try await fixture.store.run(SubgraphQuery(ids: ["Migration Code"]))
        #expect(subgraph.nodes.map(\.ref.id) == ["law-on-immigration-1998", "migration-code", "milli-majlis"])
        #expect(
            subgraph.edges.map(\.id) == [
                "migration-code--replaces--law-on-immigration-1998", "milli-majlis--adopted--law-on-immigration-1998",
                "milli-majlis--adopted--migration-code",
            ]
        )
        let seedsOnly = try await fixture.store.run(SubgraphQuery(ids: ["baku", "azerbaijan"], depth: 0))
        #expect(seedsOnly.nodes.map(\.ref.id) == ["azerbaijan", "baku"])
        #expect(seedsOnly.edges.map(\.id) == ["baku--located_in--azerbaijan"])
    }
}

extension TraversalTests {
    @Test func expansionStepsReadABoundedNumberOfRelations() async throws {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let result = try await fixture.store.read(deadline: nil) { connection, context in
            var reader = GraphReader(rows: SQLiteRows(connection: connection, context: context), context: context)
            reader.adjacencyRowLimit = 3
            let step = try reader.adjacency(["azerbaijan"], filter: EdgeFilter())
            let neighborhood = try reader.neighbors(NeighborsQuery(id: "azerbaijan", depth: 2))
            let paths = try reader.paths(PathsQuery(from: "ilham-aliyev", to: "migration-code"))
            return (step, neighborhood, paths)
        }
        #expect(result.0.capped)
        #expect(result.0.byNode.values.map(\.count).reduce(0, +) == 3)
        #expect(result.1.truncated == Truncated(budget: .limit, limit: 3, at: "depth 1"))
        #expect(result.1.nodes.count <= 3)
        #expect(result.2.truncated?.budget == .limit)
    }
}
