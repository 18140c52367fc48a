import ChronoGraph
import Foundation
import Testing

@Suite("Wire encoding of results")
struct WireEncodingTests {
    private func json(_ value: some Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try #require(try JSONSerialization.jsonObject(with: encoder.encode(value)) as? [String: Any])
    }

    private let law = EntityRef(id: "law-on-immigration-1998", kind: .law, name: "Law on Immigration")

    @Test func dateValueCarriesBoundsAndNullForOpenEnds() throws {
        let date = try self.json(DateValue(edtf: try EDTFDate("../1999"), text: "by 1999"))
        #expect(
            Set(date.keys) == [
                "edtf", "text", "lower", "upper", "fuzzy_lower", "fuzzy_upper", "precision", "approximate", "uncertain",
            ]
        )
        #expect(date["lower"] is NSNull)
        #expect(date["upper"] as? String == "1999-12-31")
        #expect(date["precision"] as? String == "year")
        let bare = try self.json(DateValue(edtf: try EDTFDate("2006-12")))
        #expect(bare["text"] == nil)
        #expect(bare["fuzzy_lower"] as? String == "2006-12-01")
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
        #expect(json["family"] as? String == "instrument")
        let citation = try #require((json["citations"] as? [[String: Any]])?.first)
        #expect(citation["lines"] as? [Int] == [1, 2])
        #expect(citation["ref"] as? String == "p. 3")
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
        #expect(figure["subject"] is NSNull)
        #expect(figure["value"] as? Int == 44_000)
        let dispute = try self.json(Dispute(id: "d", subject: self.law, topic: "t", claims: []))
        #expect((dispute["subject"] as? [String: Any])?["id"] as? String == self.law.id)
        let neighborhood = try self.json(
            Neighborhood(root: self.law, nodes: [], edges: [], truncated: nil, revision: 3)
        )
        #expect(Set(neighborhood.keys) == ["root", "nodes", "edges", "truncated"])
        #expect(neighborhood["truncated"] is NSNull)
        let paths = try self.json(
            PathsResult(
                paths: [GraphPath(nodes: [self.law], hops: [])],
                truncated: Truncated(budget: .nodes, limit: 5, at: "x"),
                revision: 1
            )
        )
        #expect((paths["paths"] as? [[String: Any]])?.first?["length"] as? Int == 0)
        #expect((paths["truncated"] as? [String: Any])?["budget"] as? String == "nodes")
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
        let page = try self.json(
            TimelinePage(
                window: TimelineWindow(from: nil, to: nil, lower: nil, upper: nil, mode: .within),
                events: [],
                nextCursor: "abc",
                revision: 2
            )
        )
        #expect(Set(page.keys) == ["window", "ordering", "events", "next_cursor"])
        #expect((page["window"] as? [String: Any])?["mode"] as? String == "within")
    }
}
