import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoServer

@Suite struct GraphQueriesTests {
    @Test func readsATimelineQueryWithYearsAndDefaults() throws {
        let query = try GraphQueries.timeline(["from": 1991, "to": "2005-06", "actors": ["SMS"], "mode": "within"])
        #expect(query.from?.edtf == "1991")
        #expect(query.to?.edtf == "2005-06")
        #expect(query.mode == .within)
        #expect(query.actors == ["SMS"])
        #expect(query.limit == 50)
    }

    @Test func namesTheTimelineFieldAtFault() {
        #expect(throws: ChronoError.invalidArgument(#"params.limit: expected an integer, got "ten""#)) {
            _ = try GraphQueries.timeline(["limit": "ten"])
        }
        #expect(throws: ChronoError.invalidArgument("params.limit: must be between 1 and 500, got 501")) {
            _ = try GraphQueries.timeline(["limit": 501])
        }
        #expect(
            throws: ChronoError.invalidArgument(
                #"params.mode: expected one of certain_first, overlaps, within, got "near""#
            )
        ) {
            _ = try GraphQueries.timeline(["mode": "near"])
        }
        #expect(throws: ChronoError.self) { _ = try GraphQueries.timeline(["from": "2019-13"]) }
        #expect(throws: ChronoError.self) { _ = try GraphQueries.timeline(["limit": 5], streaming: true) }
    }

    @Test func readsTraversalQueriesAndEnforcesTheirRanges() throws {
        let neighbors = try GraphQueries.neighbors(["id": "law_citizenship_1998", "depth": 2, "direction": "out"])
        #expect(neighbors.depth == 2)
        #expect(neighbors.direction == .out)
        #expect(throws: ChronoError.invalidArgument("params.depth: must be between 1 and 6, got 7")) {
            _ = try GraphQueries.neighbors(["id": "x", "depth": 7])
        }
        #expect(throws: ChronoError.invalidArgument("params.id: missing")) { _ = try GraphQueries.neighbors([:]) }
        let paths = try GraphQueries.paths(["from": "a", "to": "b", "k": 3])
        #expect(paths.k == 3)
        #expect(paths.maxDepth == 4)
        #expect(throws: ChronoError.invalidArgument("params.max_depth: must be between 1 and 8, got 0")) {
            _ = try GraphQueries.paths(["from": "a", "to": "b", "max_depth": 0])
        }
        #expect(throws: ChronoError.invalidArgument("params.ids: must name at least one entity")) {
            _ = try GraphQueries.subgraph([:])
        }
        #expect(
            throws: ChronoError.invalidArgument(
                #"params.kinds[0]: expected one of "#
                    + EntityKind.allCases.map(\.rawValue).joined(separator: ", ") + #", got "planet""#
            )
        ) {
            _ = try GraphQueries.search(["text": "law", "kinds": ["planet"]])
        }
    }
}
