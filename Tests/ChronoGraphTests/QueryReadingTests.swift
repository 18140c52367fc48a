import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

@Suite struct QueryReadingTests {
    /// Reads `members` as the params of one call.
    private static func reading<Query>(
        _ members: [String: JSONValue],
        _ read: (inout JSONObjectReader) throws -> Query
    ) rethrows -> Query {
        var params = JSONObjectReader(members, path: "params")
        return try read(&params)
    }

    @Test func readsATimelineQueryWithYearsAndDefaults() throws {
        let query = try Self.reading(["from": 1991, "to": "2005-06", "actors": ["SMS"], "mode": "within"]) {
            try TimelineQuery(reading: &$0)
        }
        #expect(query.from?.edtf == "1991")
        #expect(query.to?.edtf == "2005-06")
        #expect(query.mode == .within)
        #expect(query.actors == ["SMS"])
        #expect(query.limit == 50)
    }

    @Test func namesTheTimelineFieldAtFault() {
        #expect(
            thrownStatus { _ = try Self.reading(["limit": "ten"]) { try TimelineQuery(reading: &$0) } }
                == ChronoError.invalidArgument(#"params.limit: expected an integer, got "ten""#)
        )
        #expect(
            thrownStatus { _ = try Self.reading(["limit": 501]) { try TimelineQuery(reading: &$0) } }
                == ChronoError.invalidArgument("params.limit: must be between 1 and 500, got 501")
        )
        #expect(
            thrownStatus { _ = try Self.reading(["mode": "near"]) { try TimelineQuery(reading: &$0) } }
                == ChronoError.invalidArgument(
                    #"params.mode: expected one of certain_first, overlaps, within, got "near""#
                )
        )
        #expect(
            thrownStatus { _ = try Self.reading(["from": "2019-13"]) { try TimelineQuery(reading: &$0) } }?.code
                == .invalidArgument
        )
        #expect(
            thrownStatus { _ = try Self.reading(["limit": 5]) { try TimelineQuery(reading: &$0, paged: false) } }?.code
                == .invalidArgument
        )
    }

    @Test func readsTraversalQueriesAndEnforcesTheirRanges() throws {
        let neighbors = try Self.reading(["id": "law_citizenship_1998", "depth": 2, "direction": "out"]) {
            try NeighborsQuery(reading: &$0)
        }
        #expect(neighbors.depth == 2)
        #expect(neighbors.direction == .out)
        #expect(
            thrownStatus { _ = try Self.reading(["id": "x", "depth": 7]) { try NeighborsQuery(reading: &$0) } }
                == ChronoError.invalidArgument("params.depth: must be between 1 and 6, got 7")
        )
        #expect(
            thrownStatus { _ = try Self.reading([:]) { try NeighborsQuery(reading: &$0) } }
                == ChronoError.invalidArgument("params.id: missing")
        )
        let paths = try Self.reading(["from": "a", "to": "b", "k": 3]) { try PathsQuery(reading: &$0) }
        #expect(paths.k == 3)
        #expect(paths.maxDepth == 4)
        #expect(
            thrownStatus {
                _ = try Self.reading(["from": "a", "to": "b", "max_depth": 0]) { try PathsQuery(reading: &$0) }
            } == ChronoError.invalidArgument("params.max_depth: must be between 1 and 8, got 0")
        )
        #expect(
            thrownStatus { _ = try Self.reading([:]) { try SubgraphQuery(reading: &$0) } }
                == ChronoError.invalidArgument("params.ids: must name at least one entity")
        )
        #expect(
            thrownStatus {
                _ = try Self.reading(["text": "law", "kinds": ["planet"]]) { try SearchQuery(reading: &$0) }
            }
                == ChronoError.invalidArgument(
                    #"params.kinds[0]: expected one of "#
                        + EntityKind.allCases.map(\.rawValue).joined(separator: ", ") + #", got "planet""#
                )
        )
    }

    /// What the store once checked again, and now trusts: a query read from params is within its ranges.
    @Test func rejectsWhatTheStoreTrusts() {
        #expect(
            thrownStatus { _ = try Self.reading(["limit": 0]) { try TimelineQuery(reading: &$0) } }?.message
                .hasPrefix("params.limit") == true
        )
        #expect(
            thrownStatus {
                _ = try Self.reading(["id": "azerbaijan", "depth": 7]) { try NeighborsQuery(reading: &$0) }
            }?
            .message.hasPrefix("params.depth") == true
        )
        #expect(thrownStatus { _ = try Self.reading(["text": "  "]) { try SearchQuery(reading: &$0) } } != nil)
        #expect(
            thrownStatus {
                _ = try Self.reading(["text": "migration", "kinds": ["unicorn"]]) {
                    try RecordSearchQuery(reading: &$0)
                }
            } != nil
        )
        #expect(thrownStatus { _ = try Self.reading(["text": " "]) { try RecordSearchQuery(reading: &$0) } } != nil)
        #expect(
            thrownStatus { _ = try Self.reading(["text": "?!", "limit": 5]) { try RecordSearchQuery(reading: &$0) } }
                == ChronoError.invalidArgument("params.text: has no words to search for")
        )
        #expect(
            thrownStatus { _ = try Self.reading(["from": 2001, "to": 1999]) { try TimelineQuery(reading: &$0) } }?
                .message.hasPrefix("params.to: window ends") == true
        )
    }
}
