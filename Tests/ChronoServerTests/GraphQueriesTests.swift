import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoServer

@Suite struct GraphQueriesTests {
    /// The wire status of what `body` threw, or `nil` when it threw nothing or a non-status error.
    private static func status(_ body: () throws -> Void) -> ChronoError? {
        do {
            try body()
            return nil
        } catch let error as any StatusConvertible {
            return error.status
        } catch {
            return nil
        }
    }

    @Test func readsATimelineQueryWithYearsAndDefaults() throws {
        let query = try GraphQueries.timeline(["from": 1991, "to": "2005-06", "actors": ["SMS"], "mode": "within"])
        #expect(query.from?.edtf == "1991")
        #expect(query.to?.edtf == "2005-06")
        #expect(query.mode == .within)
        #expect(query.actors == ["SMS"])
        #expect(query.limit == 50)
    }

    @Test func namesTheTimelineFieldAtFault() {
        #expect(Self.status { _ = try GraphQueries.timeline(["limit": "ten"]) } == ChronoError.invalidArgument(#"params.limit: expected an integer, got "ten""#))
        #expect(Self.status { _ = try GraphQueries.timeline(["limit": 501]) } == ChronoError.invalidArgument("params.limit: must be between 1 and 500, got 501"))
        #expect(Self.status { _ = try GraphQueries.timeline(["mode": "near"]) } == ChronoError.invalidArgument(
                #"params.mode: expected one of certain_first, overlaps, within, got "near""#
            ))
        #expect(Self.status { _ = try GraphQueries.timeline(["from": "2019-13"]) }?.code == .invalidArgument)
        #expect(Self.status { _ = try GraphQueries.timeline(["limit": 5], streaming: true) }?.code == .invalidArgument)
    }

    @Test func readsTraversalQueriesAndEnforcesTheirRanges() throws {
        let neighbors = try GraphQueries.neighbors(["id": "law_citizenship_1998", "depth": 2, "direction": "out"])
        #expect(neighbors.depth == 2)
        #expect(neighbors.direction == .out)
        #expect(Self.status { _ = try GraphQueries.neighbors(["id": "x", "depth": 7]) } == ChronoError.invalidArgument("params.depth: must be between 1 and 6, got 7"))
        #expect(Self.status { _ = try GraphQueries.neighbors([:]) } == ChronoError.invalidArgument("params.id: missing"))
        let paths = try GraphQueries.paths(["from": "a", "to": "b", "k": 3])
        #expect(paths.k == 3)
        #expect(paths.maxDepth == 4)
        #expect(Self.status { _ = try GraphQueries.paths(["from": "a", "to": "b", "max_depth": 0]) } == ChronoError.invalidArgument("params.max_depth: must be between 1 and 8, got 0"))
        #expect(Self.status { _ = try GraphQueries.subgraph([:]) } == ChronoError.invalidArgument("params.ids: must name at least one entity"))
        #expect(Self.status { _ = try GraphQueries.search(["text": "law", "kinds": ["planet"]]) } == ChronoError.invalidArgument(
                #"params.kinds[0]: expected one of "#
                    + EntityKind.allCases.map(\.rawValue).joined(separator: ", ") + #", got "planet""#
            ))
    }
}
