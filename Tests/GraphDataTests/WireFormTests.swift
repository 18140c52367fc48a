import ChronoGraph
import ChronoProtocol
import ChronoStore
import ChronoTesting
import Foundation
import Testing

/// The wire form of real answers over the repository graph: in canonical form (`wireForm`: members sorted at
/// every depth, nothing written twice) and carrying the typed values, member by member, with optional members
/// left out or `null` as the contract says.
@Suite("Wire form of query results", .heavy, .timeLimit(.minutes(2)))
struct WireFormTests {
    /// `value` as a JSON string, or `null`.
    private static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    private static func expect(_ json: JSONValue?, is ref: EntityRef) {
        #expect(json?["id"] == .string(ref.id))
        #expect(json?["kind"] == .string(ref.kind.rawValue))
        #expect(json?["family"] == .string(ref.family.rawValue))
        #expect(json?["name"] == .string(ref.name))
    }

    private static func expect(_ json: JSONValue?, is citations: [Citation]) {
        #expect(json?.arrayValue?.count == citations.count)
        for (member, citation) in zip(json?.arrayValue ?? [], citations) {
            #expect(member["doc"] == .string(citation.doc))
            #expect(member["lines"] == .array([.int(Int64(citation.first)), .int(Int64(citation.last))]))
            #expect(member["ref"] == citation.ref.map(JSONValue.string))
        }
    }

    private static func expect(_ json: JSONValue?, is date: DateValue?) {
        guard let date else {
            #expect(Optional<JSONValue>.none == json)
            return
        }
        #expect(json?["edtf"] == .string(date.edtf.edtf))
        #expect(json?["text"] == date.text.map(JSONValue.string))
        #expect(json?["lower"] == Self.string(date.edtf.strict.lower?.iso))
        #expect(json?["upper"] == Self.string(date.edtf.strict.upper?.iso))
        #expect(json?["fuzzy_lower"] == Self.string(date.edtf.fuzzy.lower?.iso))
        #expect(json?["precision"] == .string(date.edtf.precision.rawValue))
        #expect(json?["uncertain"] == .bool(date.edtf.isUncertain))
    }

    private static func expect(_ json: JSONValue?, is event: Event) {
        #expect(json?["id"] == .string(event.record.id))
        #expect(json?["title"] == .string(event.record.title))
        #expect(json?["type"] == .string(event.record.type))
        #expect(json?["group"] == event.group.map { JSONValue.string($0.rawValue) })
        Self.expect(json?["date"], is: event.record.date)
        Self.expect(json?["citations"], is: event.record.citations)
        let participants = json?["participants"]?.arrayValue ?? []
        #expect(participants.count == event.participants.count)
        for (member, participant) in zip(participants, event.participants) {
            Self.expect(member["entity"], is: participant.entity)
            #expect(member["role"] == .string(participant.role))
        }
    }

    private static func expect(_ json: JSONValue?, is edge: Edge) {
        #expect(json?["id"] == .string(edge.id))
        #expect(json?["from"] == .string(edge.from) && json?["to"] == .string(edge.to))
        #expect(json?["summary"] == edge.summary.map(JSONValue.string))
        Self.expect(json?["date"], is: edge.date)
        Self.expect(json?["citations"], is: edge.citations)
    }

    /// The ids of the members of array `json`.
    private static func ids(_ json: JSONValue?, _ key: String = "id") -> [String] {
        (json?.arrayValue ?? []).compactMap { $0[key]?.stringValue }
    }

    private static func expect(_ json: JSONValue?, is truncated: Truncated?) {
        guard let truncated else {
            #expect(json == .null)
            return
        }
        #expect(json?["budget"] == .string(truncated.budget.rawValue))
        #expect(json?["limit"] == .int(Int64(truncated.limit)))
    }

    private static func open() async throws -> (GraphStore, TemporaryDirectory, [String]) {
        let directory = try TemporaryDirectory(prefix: "wireform")
        let store = try await GraphStore.open(path: directory.databasePath)
        try await GraphLoader(directory: RepositoryGraph.directory).load(into: store)
        let entities = try RepositoryGraph.records().compactMap { located -> String? in
            guard case .entity(let entity) = located.record else { return nil }
            return entity.id
        }
        return (store, directory, entities)
    }

    @Test func timelinePagesCarryTheirEvents() async throws {
        let (store, directory, _) = try await Self.open()
        defer { directory.remove() }
        var cursor: String?
        var pages = 0
        repeat {
            let page = try await store.run(TimelineQuery(limit: 50, cursor: cursor))
            let json = try wireForm(page)
            #expect(json["next_cursor"] == page.nextCursor.map(JSONValue.string))
            #expect(json["ordering"] == .string(page.ordering))
            #expect(json["window"]?["mode"] == .string(page.window.mode.rawValue))
            #expect(json["events"]?.arrayValue?.count == page.events.count)
            for (member, event) in zip(json["events"]?.arrayValue ?? [], page.events) {
                Self.expect(member, is: event)
            }
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 100
        #expect(pages > 1)
    }

    @Test func traversalsCarryTheirEntitiesAndEdges() async throws {
        let (store, directory, entities) = try await Self.open()
        defer { directory.remove() }
        for (index, id) in entities.enumerated() where index % 7 == 0 {
            let neighborhood = try await store.run(NeighborsQuery(id: id, depth: 2, limit: 50))
            let json = try wireForm(neighborhood)
            Self.expect(json["root"], is: neighborhood.root)
            #expect(Self.ids(json["edges"]) == neighborhood.edges.map(\.id))
            // Each edge as stored in wire form is the relation its `from` entity lists, read and built.
            for member in (json["edges"]?.arrayValue ?? []).prefix(3) {
                let detail = try await store.run(EntityQuery(id: try #require(member["from"]?.stringValue)))
                Self.expect(member, is: try #require(detail.relations.first { $0.id == member["id"]?.stringValue }))
            }
            let nodes = json["nodes"]?.arrayValue ?? []
            #expect(nodes.map { $0["entity"]?["id"]?.stringValue } == neighborhood.nodes.map { Optional($0.entity.id) })
            #expect(nodes.map { $0["depth"]?.intValue } == neighborhood.nodes.map { Optional(Int64($0.depth)) })
            Self.expect(json["truncated"], is: neighborhood.truncated)

            let other = entities[(index * 31 + 5) % entities.count]
            let paths = try await store.run(PathsQuery(from: id, to: other, k: 2))
            let written = try wireForm(paths)
            Self.expect(written["truncated"], is: paths.truncated)
            #expect(written["paths"]?.arrayValue?.count == paths.paths.count)
            for (member, path) in zip(written["paths"]?.arrayValue ?? [], paths.paths) {
                #expect(member["length"] == .int(Int64(path.length)))
                #expect(Self.ids(member["nodes"]) == path.nodes.map(\.id))
                let hops = member["hops"]?.arrayValue ?? []
                #expect(hops.map { $0["forward"]?.boolValue } == path.hops.map { Optional($0.forward) })
                #expect(hops.map { $0["edge"]?["id"]?.stringValue } == path.hops.map { $0.edge?.id })
                #expect(hops.map { $0["event"]?["id"]?.stringValue } == path.hops.map { $0.event?.record.id })
            }
        }
    }

    @Test func entitiesAndSubgraphsCarryEveryField() async throws {
        let (store, directory, entities) = try await Self.open()
        defer { directory.remove() }
        var numbered = 0
        for (index, id) in entities.enumerated() where index % 5 == 0 {
            let detail = try await store.run(EntityQuery(id: id))
            let json = try wireForm(detail)
            let entity = json["entity"]
            Self.expect(entity, is: detail.entity.ref)
            #expect(entity?["aliases"] == .array(detail.entity.aliases.map(JSONValue.string)))
            #expect(entity?["summary"] == .string(detail.entity.summary))
            #expect(entity?["attributes"] == .object(detail.entity.attributes.mapValues(JSONValue.string)))
            #expect(entity?["number"] == detail.entity.number.map(JSONValue.string))
            numbered += detail.entity.number == nil ? 0 : 1
            #expect(entity?["dates"]?.objectValue?.keys.sorted() == detail.entity.dates.keys.sorted())
            for (key, date) in detail.entity.dates { Self.expect(entity?["dates"]?[key], is: date) }
            Self.expect(entity?["citations"], is: detail.entity.citations)
            #expect(Self.ids(json["relations"]) == detail.relations.map(\.id))
            #expect(Self.ids(json["neighbors"]) == detail.neighbors.map(\.id))
            #expect(Self.ids(json["events"]) == detail.events.map(\.record.id))
            #expect(Self.ids(json["figures"]) == detail.figures.map(\.record.id))
        }
        #expect(numbered > 0)
        let subgraph = try await store.run(SubgraphQuery(ids: Array(entities.prefix(3)), depth: 1))
        let json = try wireForm(subgraph)
        #expect(Self.ids(json["nodes"]) == subgraph.nodes.map(\.id))
        #expect(Self.ids(json["edges"]) == subgraph.edges.map(\.id))
        Self.expect(json["truncated"], is: subgraph.truncated)
    }

    @Test func disputesFiguresAndStatsCarryTheirValues() async throws {
        let (store, directory, _) = try await Self.open()
        defer { directory.remove() }
        let disputes = try await store.run(DisputesQuery())
        #expect(!disputes.disputes.isEmpty)
        let json = try wireForm(disputes)
        #expect(!(json.objectValue?.keys.contains("resolved") ?? true))
        for (member, dispute) in zip(json["disputes"]?.arrayValue ?? [], disputes.disputes) {
            #expect(member["id"] == .string(dispute.id) && member["topic"] == .string(dispute.topic))
            if let subject = dispute.subject {
                Self.expect(member["subject"], is: subject)
            } else {
                #expect(member["subject"] == .null)
            }
            #expect(
                (member["claims"]?.arrayValue ?? []).map { $0["claim"]?.stringValue }
                    == dispute.claims.map { Optional($0.claim) }
            )
            for (claim, typed) in zip(member["claims"]?.arrayValue ?? [], dispute.claims) {
                Self.expect(claim["citations"], is: typed.citations)
            }
        }
        let figures = try await store.run(FiguresQuery())
        #expect(!figures.figures.isEmpty)
        let written = try wireForm(figures)
        #expect(written["figures"]?.arrayValue?.count == figures.figures.count)
        for (member, figure) in zip(written["figures"]?.arrayValue ?? [], figures.figures) {
            #expect(member["id"] == .string(figure.record.id) && member["unit"] == .string(figure.record.unit))
            #expect(member["value"]?.doubleValue == figure.record.value)
            #expect(member["high"]?.doubleValue == figure.record.high)
            #expect(member["qualifier"] == .string(figure.record.qualifier.rawValue))
            Self.expect(member["date"], is: figure.record.date)
            if let subject = figure.subject {
                Self.expect(member["subject"], is: subject)
            } else {
                #expect(member["subject"] == .null)
            }
        }
        let stats = try await store.run(StatsQuery())
        let counts = try wireForm(stats)
        #expect(counts["revision"] == .int(stats.revision))
        #expect(counts["counts"]?["events"] == .int(Int64(stats.counts.events)))
        #expect(counts["counts"]?["citations"] == .int(Int64(stats.counts.citations)))
        #expect(counts["by_kind"] == .object(stats.byKind.mapValues { JSONValue.int(Int64($0)) }))
        #expect(counts["by_document"] == .object(stats.byDocument.mapValues { JSONValue.int(Int64($0)) }))
    }

    @Test func searchesCarryTheirHits() async throws {
        let (store, directory, _) = try await Self.open()
        defer { directory.remove() }
        for text in ["migration", "Azərbaycan", "refugee law", "IDP"] {
            let results = try await store.run(SearchQuery(text: text))
            let json = try wireForm(results)
            #expect(json["results"]?.arrayValue?.count == results.results.count)
            for (member, hit) in zip(json["results"]?.arrayValue ?? [], results.results) {
                Self.expect(member["entity"], is: hit.entity)
                #expect(member["matched"] == .string(hit.matched.rawValue))
                #expect(member["score"]?.doubleValue == hit.score)
            }
            let records = try await store.run(RecordSearchQuery(text: text, limit: 10))
            let ranked = try wireForm(records)
            #expect(ranked["next_cursor"] == records.nextCursor.map(JSONValue.string))
            #expect(Self.ids(ranked["results"]) == records.results.map(\.id))
            for (member, hit) in zip(ranked["results"]?.arrayValue ?? [], records.results) {
                #expect(member["kind"] == .string(hit.kind) && member["snippet"] == .string(hit.snippet))
                #expect(member["entity_kind"] == hit.entityKind.map { JSONValue.string($0.rawValue) })
                #expect(member["matched"] == .array(hit.matched.map(JSONValue.string)))
                #expect(member["score"]?.doubleValue == hit.score)
                Self.expect(member["date"], is: hit.date)
                Self.expect(member["citations"], is: hit.citations)
            }
        }
    }
}
