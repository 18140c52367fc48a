import ChronoGraph
import ChronoTesting
import Testing

@testable import ChronoStore

@Suite("Query plans use indexes, not scans of the big tables")
struct QueryPlanTests {
    private static let bigTables = ["events", "relations", "participants", "entities", "citations", "aliases"]

    private func plan(_ sql: String) async throws -> [String] {
        let fixture = try await FixtureStore.open()
        defer { fixture.close() }
        let connection = try Connection(path: fixture.directory.databasePath)
        // No ANALYZE: on a dozen rows SQLite rightly prefers scans; without statistics it plans as for
        // large tables, which is the case these indexes exist for.
        let statement = try connection.prepare("EXPLAIN QUERY PLAN " + sql)
        return try statement.map(Array(repeating: .null, count: statement.parameterCount)) { $0.text(3) }
    }

    private func scans(_ plan: [String]) -> [String] {
        plan.filter { detail in Self.bigTables.contains { detail.hasPrefix("SCAN \($0)") } }
    }

    @Test func timelineWindowQuerySearchesTheSpanIndex() async throws {
        for sql in [TimelineSQL.nextSpanClass, TimelineSQL.spanSlice(filters: [])] {
            let plan = try await self.plan(sql)
            #expect(self.scans(plan).isEmpty, "\(plan)")
            #expect(plan.contains { $0.hasPrefix("SEARCH events USING COVERING INDEX events_span (span_class") })
        }
        let slice = try await self.plan(TimelineSQL.spanSlice(filters: []))
        #expect(slice.contains { $0.contains("(span_class=? AND lower>? AND lower<?)") }, "\(slice)")
        let within = try await self.plan(TimelineSQL.make(mode: .within, filterDriven: false, filters: []))
        #expect(self.scans(within).isEmpty, "\(within)")
        #expect(within.contains { $0.hasPrefix("SEARCH events USING COVERING INDEX events_order") }, "\(within)")
    }

    @Test func actorTimelineStartsFromTheParticipantsIndex() async throws {
        let filter = TimelineSQL.participantFilter(set: 0)
        let plan = try await self.plan(TimelineSQL.make(mode: .overlaps, filterDriven: true, filters: [filter]))
        #expect(self.scans(plan).isEmpty, "\(plan)")
        #expect(plan.contains { $0.contains("participants USING COVERING INDEX participants_entity") }, "\(plan)")
        #expect(plan.contains { $0.hasPrefix("SEARCH events USING INTEGER PRIMARY KEY") }, "\(plan)")
    }

    @Test func textTimelineStartsFromTheMatchedEventIds() async throws {
        let filter = TimelineSQL.textFilter
        let plan = try await self.plan(TimelineSQL.make(mode: .overlaps, filterDriven: true, filters: [filter]))
        #expect(self.scans(plan).isEmpty, "\(plan)")
        #expect(plan.contains { $0.contains("VIRTUAL TABLE INDEX") }, "\(plan)")
        #expect(plan.contains { $0.hasPrefix("SEARCH events USING") && $0.contains("(id=?)") }, "\(plan)")
    }

    /// A node's relations come from one covering index in (other end, id) order, filters included, so a page
    /// of a hub's relations is read without reading the rest; a later page seeks past the last one read.
    @Test func oneHopExpansionSearchesTheRelationIndexes() async throws {
        for forward in [true, false] {
            for (typed, dated, after) in [(false, false, false), (true, true, false), (false, false, true)] {
                let plan = try await self.plan(
                    AdjacencySQL.make(forward: forward, typed: typed, dated: dated, after: after)
                )
                #expect(self.scans(plan).isEmpty, "\(plan)")
                let (index, near, far) =
                    forward ? ("relations_from", "from_id", "to_id") : ("relations_to", "to_id", "from_id")
                // The id list drives the loop (no temporary index of it is built per run), each id one seek.
                #expect(plan.first?.hasPrefix("SCAN list VIRTUAL TABLE") == true, "\(plan)")
                let seek = after ? "(\(near)=? AND (\(far),id)>(?,?))" : "(\(near)=?)"
                #expect(plan.contains { $0 == "SEARCH r USING COVERING INDEX \(index) \(seek)" }, "\(plan)")
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
            }
        }
    }

    /// Lists of owners are read without sorting: each listed owner is one seek of the primary key, whose order
    /// is the records' position order the readers group by.
    @Test func ownerListsSeekThePrimaryKeyInPositionOrder() async throws {
        let cases = [
            (SQLiteRows.citationsOfOwners, "SEARCH c USING PRIMARY KEY (owner=? AND owner_kind=?)"),
            (SQLiteRows.participantsOfEvents, "SEARCH p USING PRIMARY KEY (event=?)"),
            (SQLiteRows.relationsWithCitations, "SEARCH c USING PRIMARY KEY (owner=? AND owner_kind=?)"),
            (SQLiteRows.eventsWithCitations, "SEARCH c USING PRIMARY KEY (owner=? AND owner_kind=?)"),
        ]
        for (sql, search) in cases {
            let plan = try await self.plan(sql)
            #expect(plan.first?.hasPrefix("SCAN list VIRTUAL TABLE") == true, "\(plan)")
            #expect(plan.contains { $0.hasPrefix(search) }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
        // Each listed relation or event is one seek of its key, before its citations.
        let relations = try await self.plan(SQLiteRows.relationsWithCitations)
        #expect(relations.dropFirst().first == "SEARCH r USING PRIMARY KEY (id=?)", "\(relations)")
        let events = try await self.plan(SQLiteRows.eventsWithCitations)
        #expect(events.dropFirst().first == "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)", "\(events)")
    }
}
