import ChronoProtocol
import Testing

@testable import ChronoCLI

@Suite("Terminal views: the entity card and the path hop by hop")
struct PresenterViewTests {
    let terminal = Terminal(isTTY: true, width: 100, colour: false)

    @Test("show prints a card with aliases, attributes, sources and its sections")
    func entityCard() throws {
        let presentation = ShowPresenter.present(try Fixtures.result("show"))
        let view = try #require(presentation.view)
        let text = view(self.terminal)
        #expect(
            text.hasPrefix(
                "State Migration Service of the Republic of Azerbaijan  [organisation · state-migration-service]"
            )
        )
        #expect(text.contains("aliases:"))
        #expect(text.contains("SMS; State Migration Service"))
        #expect(text.contains("founded:"))
        #expect(text.contains("003:410-412"))
        #expect(text.contains("RELATIONS (2)"))
        #expect(text.contains("← heads"))
        #expect(text.contains("implements →"))
        #expect(text.contains("EVENTS (1)"))
        #expect(text.contains("FIGURES (1)"))
        #expect(text.contains("about 12,500 permits"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("show's graph holds the entity, its neighbours and its relations")
    func showGraph() throws {
        let graph = try #require(ShowPresenter.present(try Fixtures.result("show")).graph)
        #expect(graph.nodes.count == 3)
        #expect(graph.edges.count == 2)
    }

    @Test("a path is shown hop by hop with the relation, its direction and the evidence")
    func pathHops() throws {
        let presentation = PathPresenter.present(try Fixtures.result("path"))
        let view = try #require(presentation.view)
        let text = view(self.terminal)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Path 1 of 2: 2 hops")
        #expect(lines[1] == "  Germany (state)")
        #expect(lines[2] == "  │  ──requested──▶  early 2007 (2007~) · 000:52-54")
        #expect(lines[3] == "  Azerbaijan (state)")
        #expect(lines[4] == "  │  ──party_to──▶  004:100-102")
        #expect(lines[5] == "  EU-Azerbaijan readmission agreement (agreement)")
        #expect(presentation.table.rows.count == 4)
        #expect(presentation.table.rows[0][5] == "forward")
    }

    @Test("a backward hop points against the walk")
    func backwardHop() throws {
        let result: JSONValue = [
            "paths": [
                [
                    "length": 1,
                    "nodes": [["id": "b", "name": "B", "kind": "law"], ["id": "a", "name": "A", "kind": "person"]],
                    "hops": [
                        [
                            "edge": ["id": "a--issued--b", "type": "issued", "from": "a", "to": "b", "citations": []],
                            "forward": false,
                        ]
                    ],
                ]
            ],
            "truncated": nil,
        ]
        let view = try #require(PathPresenter.present(result).view)
        let text = view(self.terminal)
        #expect(text.contains("◀──issued──"))
    }

    @Test("neighbors notes truncation and writes nodes then edges as NDJSON records")
    func neighborsRecords() throws {
        let presentation = GraphPresenter.presentNeighbors(try Fixtures.result("neighbors"))
        #expect(presentation.records.count == 6)
        #expect(presentation.records[0]["node"]?["depth"] == 1)
        #expect(presentation.records[3]["edge"]?.text("type") == "requested")
        #expect(presentation.notes == ["result truncated: the nodes budget (3) was reached at european-union"])
        let view = try #require(presentation.view)
        let text = view(self.terminal)
        #expect(text.hasPrefix("Azerbaijan (state): 3 neighbours, 3 relations"))
    }

    @Test("neighbors through events lists the events after the relations, and as event records")
    func neighborsThroughEvents() throws {
        guard case .object(var members) = try Fixtures.result("neighbors") else {
            Issue.record("the neighbors fixture is not an object")
            return
        }
        let event = try Fixtures.parse(
            #"{"id": "2007-03-19-decree-signed", "title": "President signs the migration policy decree", "#
                + #""date": {"edtf": "2007-03-19", "text": "19 March 2007"}, "participants": [{"role": "issuer", "#
                + #""entity": {"id": "ilham-aliyev", "kind": "person", "name": "Ilham Aliyev"}}], "#
                + #""citations": [{"doc": "003_d94e756ed0cfba1e.txt", "lines": [930, 932]}]}"#
        )
        members["events"] = [event]
        let presentation = GraphPresenter.presentNeighbors(.object(members))
        #expect(presentation.records.last?["event"] == event)
        let view = try #require(presentation.view)
        let text = view(self.terminal)
        #expect(text.hasPrefix("Azerbaijan (state): 3 neighbours, 3 relations, 1 event"))
        #expect(text.contains("President signs the migration"))
        #expect(text.contains("Ilham Aliyev"))
        #expect(text.contains("003:930-932"))
    }

    @Test("timeline, disputes and figures say which entity each name was read as")
    func resolvedNames() throws {
        let resolved: JSONValue = [
            ["given": "Ilkham Aliev", "entity": ["id": "ilham-aliyev", "kind": "person", "name": "Ilham Aliyev"]]
        ]
        let note = #""Ilkham Aliev" is Ilham Aliyev (person, ilham-aliyev)"#
        let timeline: JSONValue = ["events": [], "ordering": "", "window": [:], "resolved": resolved]
        #expect(TimelinePresenter.present(timeline).notes == [note])
        #expect(DisputesPresenter.present(["disputes": [], "resolved": resolved]).notes == [note])
        #expect(FiguresPresenter.present(["figures": [], "resolved": resolved]).notes == [note])
        #expect(FiguresPresenter.present(["figures": []]).notes.isEmpty)
    }

    @Test("subscription frames: JSON lines when piped, one summary line on a terminal")
    func subscriptionFrames() throws {
        let frame: JSONValue = ["kind": "change", "revision": 43, "added": ["e1"]]
        let piped = try SubscriptionFrameFormatter.line(frame, format: .ndjson, terminal: self.terminal)
        #expect(try Fixtures.parse(piped) == frame)
        let line = try SubscriptionFrameFormatter.line(frame, format: .table, terminal: self.terminal)
        #expect(line == #"rev 43  change  {"added":["e1"]}"# + "\n")
    }

    @Test("exit codes follow the documented status families")
    func exitCodes() {
        let expected: [StatusCode: Int32] = [
            .ok: 0, .invalidArgument: 64, .notFound: 66, .unavailable: 69, .unimplemented: 69, .internal: 70,
            .deadlineExceeded: 75, .resourceExhausted: 75, .permissionDenied: 77, .unauthenticated: 77,
        ]
        for (status, code) in expected {
            #expect(status.exitCode == code, "\(status)")
        }
        #expect(StatusCode.allCases.allSatisfy { [0, 64, 66, 69, 70, 75, 77].contains($0.exitCode) })
    }
}
