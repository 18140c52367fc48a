import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@testable import ChronoCLI

/// The built `chrono` against the built `chronod`: entities, neighbourhoods, paths and graph exports.
@Suite("chrono against a live chronod: entities and graphs", .heavy, .serialized, .timeLimit(.minutes(1)))
struct LiveGraphTests {
    @Test("neighbors exports GraphML and GEXF with as many nodes and edges as its JSON result")
    func neighborsExports() async throws {
        let (json, graphML, gexf) = try await LiveDaemon.with { daemon in
            let base = ["neighbors", "azerbaijan", "--depth", "2"]
            return (
                try await ChronoBinary.run(base + ["--format", "json"], port: daemon.port),
                try await ChronoBinary.run(base + ["--format", "graphml"], port: daemon.port),
                try await ChronoBinary.run(base + ["--format", "gexf"], port: daemon.port)
            )
        }
        #expect(json.status == 0, "\(json.stderr)")
        let result = try Fixtures.parse(json.stdout)
        let nodeIDs = Set(
            [result["root"]?.text("id") ?? ""] + result.list("nodes").map { $0["entity"]?.text("id") ?? "" }
        )
        let edgeCount = Set(result.list("edges").map { $0.text("id") }).count
        #expect(nodeIDs.contains("germany"))
        #expect(edgeCount > 0)
        let graphMLCheck = try #require(XMLCheck.parse(graphML.stdout), "GraphML is not well-formed")
        #expect(graphMLCheck.counts["node"] == nodeIDs.count)
        #expect(graphMLCheck.counts["edge"] == edgeCount)
        let gexfCheck = try #require(XMLCheck.parse(gexf.stdout), "GEXF is not well-formed")
        #expect(gexfCheck.counts["node"] == nodeIDs.count)
        #expect(gexfCheck.counts["edge"] == edgeCount)
    }

    @Test("path walks from Heydar to Ilham Aliyev hop by hop; its DOT is accepted by Graphviz when installed")
    func path() async throws {
        let (json, dot) = try await LiveDaemon.with { daemon in
            let base = ["path", "heydar-aliyev", "ilham-aliyev"]
            return (
                try await ChronoBinary.run(base + ["--format", "json"], port: daemon.port),
                try await ChronoBinary.run(base + ["--format", "dot"], port: daemon.port)
            )
        }
        #expect(json.status == 0, "\(json.stderr)")
        let path = try #require(try Fixtures.parse(json.stdout).list("paths").first)
        let nodes = path.list("nodes").map { $0.text("id") }
        #expect(nodes.first == "heydar-aliyev")
        #expect(nodes.last == "ilham-aliyev")
        #expect(path.list("hops").count == nodes.count - 1)
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph chronograph {"))
        guard let graphviz = GraphvizTool.path else {
            print("skipped the Graphviz check: `dot` is not installed (apt-get install graphviz)")
            return
        }
        let rendered = try await GraphvizTool.run(graphviz, input: dot.stdout)
        #expect(rendered.status == 0, "dot said: \(rendered.stderr)")
    }

    @Test("subgraph exports as many GEXF nodes and edges as its JSON result")
    func subgraph() async throws {
        let (json, gexf) = try await LiveDaemon.with { daemon in
            let base = ["subgraph", "azerbaijan", "germany", "--depth", "0"]
            return (
                try await ChronoBinary.run(base + ["--format", "json"], port: daemon.port),
                try await ChronoBinary.run(base + ["--format", "gexf"], port: daemon.port)
            )
        }
        #expect(json.status == 0, "\(json.stderr)")
        let result = try Fixtures.parse(json.stdout)
        #expect(Set(result.list("nodes").map { $0.text("id") }) == ["azerbaijan", "germany"])
        let check = try #require(XMLCheck.parse(gexf.stdout))
        #expect(check.counts["node"] == 2)
        #expect(check.counts["edge"] == result.list("edges").count)
    }
}
