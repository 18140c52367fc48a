import ChronoGraph
import ChronoProtocol
import ChronoTesting
import Testing

/// The wire form of results built here: their members (present, left out or `null` as the contract says) and
/// values, in canonical form (`wireForm` checks the order).
@Suite("Wire encoding of results")
struct WireEncodingTests {
    private func json(_ value: some WireEncodable) throws -> [String: JSONValue] {
        try #require(try wireForm(value).objectValue)
    }

    private let law = EntityRef(id: "law-on-immigration-1998", kind: .law, name: "Law on Immigration")

    @Test func dateValueCarriesBoundsAndNullForOpenEnds() throws {
        let date = try self.json(DateValue(edtf: try EDTFDate("../1999"), text: "by 1999"))
        #expect(
            Set(date.keys) == [
                "edtf", "text", "lower", "upper", "fuzzy_lower", "fuzzy_upper", "precision", "approximate", "uncertain",
            ]
        )
        #expect(date["lower"] == .null)
        #expect(date["upper"] == "1999-12-31")
        #expect(date["precision"] == "year")
        #expect(date["text"] == "by 1999")
        #expect(date["approximate"] == false)
        let bare = try self.json(DateValue(edtf: try EDTFDate("2006-12")))
        #expect(!bare.keys.contains("text"))
        #expect(bare["fuzzy_lower"] == "2006-12-01")
    }

    @Test func entityIsItsReferenceFlattenedWithItsFields() throws {
        let entity = Entity(
            id: self.law.id,
            kind: self.law.kind,
            name: self.law.name,
            aliases: ["Law \"On immigration\""],
            summary: "s",
            attributes: [:],
            number: nil,
            dates: ["adopted": DateValue(edtf: try EDTFDate("1998-12-22"))],
            citations: [Citation(doc: "d.txt", first: 1, last: 2, ref: "p. 3")]
        )
        let json = try self.json(entity)
        #expect(
            Set(json.keys) == [
                "id", "kind", "family", "name", "aliases", "summary", "attributes", "dates", "citations",
            ]
        )
        #expect(json["family"] == "instrument")
        #expect(json["id"] == "law-on-immigration-1998")
        #expect(json["aliases"] == ["Law \"On immigration\""])
        #expect(json["dates"]?["adopted"]?["lower"] == "1998-12-22")
        let citation = try #require(json["citations"]?.arrayValue?.first)
        #expect(citation["lines"] == [1, 2])
        #expect(citation["doc"] == "d.txt")
        #expect(citation["ref"] == "p. 3")
    }

    @Test func optionalMembersAreOmittedOrNullAsTheContractSays() throws {
        let edge = try self.json(
            Edge(id: "a--b--c", type: "b", from: "a", to: "c", date: nil, summary: nil, citations: [])
        )
        #expect(Set(edge.keys) == ["id", "type", "from", "to", "citations"])
        let figure = try self.json(
            Figure(
                FigureRecord(
                    id: "f",
                    subject: nil,
                    measure: "m",
                    value: 44_000,
                    qualifier: .over,
                    unit: "people",
                    date: nil,
                    citations: []
                ),
                subject: nil
            )
        )
        #expect(figure["subject"] == .null)
        #expect(!figure.keys.contains("high") && !figure.keys.contains("date"))
        #expect(figure["value"] == 44_000)
        let dispute = try self.json(Dispute(id: "d", subject: self.law, topic: "t", claims: []))
        #expect(dispute["subject"]?["id"] == .string(self.law.id))
        let neighborhood = try self.json(
            Neighborhood(root: self.law, nodes: [], edges: [], truncated: nil, revision: 3)
        )
        #expect(Set(neighborhood.keys) == ["root", "nodes", "edges", "truncated"])
        #expect(neighborhood["truncated"] == .null)
        let paths = try self.json(
            PathsResult(
                paths: [GraphPath(nodes: [self.law], hops: [])],
                truncated: Truncated(budget: .nodes, limit: 5, at: "x"),
                revision: 1
            )
        )
        #expect(paths["paths"]?.arrayValue?.first?["length"] == 0)
        #expect(paths["truncated"]?["budget"] == "nodes")
        #expect(paths["truncated"]?["limit"] == 5)
    }

    @Test func statsAndPagesUseSnakeCaseKeys() throws {
        let stats = try self.json(
            Stats(
                revision: 7,
                schemaVersion: 1,
                counts: StatsCounts(
                    entities: 1,
                    actors: 1,
                    instruments: 0,
                    events: 0,
                    relations: 0,
                    disputes: 0,
                    figures: 0,
                    citations: 1,
                    documents: 1
                ),
                byKind: ["state": 1],
                byDocument: ["d.txt": 1]
            )
        )
        #expect(Set(stats.keys) == ["revision", "schema_version", "counts", "by_kind", "by_document"])
        #expect(stats["revision"] == 7)
        #expect(stats["counts"]?["citations"] == 1 && stats["counts"]?["instruments"] == 0)
        #expect(stats["by_document"] == ["d.txt": 1])
        let page = try self.json(
            TimelinePage(
                window: TimelineWindow(from: nil, to: nil, lower: nil, upper: nil, mode: .within),
                events: [],
                nextCursor: "abc",
                revision: 2
            )
        )
        #expect(Set(page.keys) == ["window", "ordering", "events", "next_cursor"])
        #expect(page["window"]?["mode"] == "within")
        #expect(page["next_cursor"] == "abc")
    }
}
