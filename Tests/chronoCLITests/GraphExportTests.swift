import ChronoProtocol
import Foundation
import Testing

@testable import ChronoCLI

@Suite("Graph exports: GraphML, GEXF, DOT and Mermaid")
struct GraphExportTests {
    func neighbourhood() throws -> GraphModel {
        try #require(GraphPresenter.presentNeighbors(try Fixtures.result("neighbors")).graph)
    }

    @Test("the model holds the root, every neighbour and every relation once")
    func model() throws {
        let graph = try self.neighbourhood()
        #expect(
            graph.nodes.map(\.id) == ["azerbaijan", "germany", "eu-azerbaijan-readmission-agreement", "european-union"]
        )
        #expect(graph.edges.count == 3)
        let path = try #require(PathPresenter.present(try Fixtures.result("path")).graph)
        #expect(path.nodes.count == 4)
        #expect(path.edges.count == 4)
    }

    @Test("GraphML is well-formed XML with the expected nodes, edges and escaped labels")
    func graphML() throws {
        let graph = try self.neighbourhood()
        let check = try #require(XMLCheck.parse(GraphMLExporter.export(graph)))
        #expect(check.counts["node"] == graph.nodes.count)
        #expect(check.counts["edge"] == graph.edges.count)
        #expect(check.text.contains("Agreement on readmission <EU & Azerbaijan>"))
        let edges = check.elements.filter { $0.name == "edge" }
        #expect(edges.allSatisfy { edge in graph.nodes.contains { $0.id == edge.attributes["source"] } })
    }

    @Test("GEXF is well-formed XML with the expected nodes and edges")
    func gexf() throws {
        let graph = try self.neighbourhood()
        let check = try #require(XMLCheck.parse(GEXFExporter.export(graph)))
        #expect(check.counts["node"] == graph.nodes.count)
        #expect(check.counts["edge"] == graph.edges.count)
        let labels = check.elements.filter { $0.name == "node" }.compactMap { $0.attributes["label"] }
        #expect(labels.contains("Agreement on readmission <EU & Azerbaijan>"))
    }

    @Test("DOT quotes ids and labels and draws one arrow per relation")
    func dot() throws {
        let graph = try self.neighbourhood()
        let text = DOTExporter.export(graph)
        #expect(text.hasPrefix("digraph chronograph {"))
        #expect(text.components(separatedBy: " -> ").count - 1 == graph.edges.count)
        #expect(text.contains(#""germany" -> "azerbaijan" [label="requested\nearly 2007 (2007~)""#))
        #expect(DOTExporter.quote(#"a "b" \c"#) == #""a \"b\" \\c""#)
    }

    @Test("DOT is accepted by Graphviz when it is installed")
    func dotAcceptedByGraphviz() async throws {
        guard let dot = GraphvizTool.path else {
            print("skipped: Graphviz `dot` is not installed (apt-get install graphviz)")
            return
        }
        let output = try await GraphvizTool.run(dot, input: DOTExporter.export(try self.neighbourhood()))
        #expect(output.status == 0, "dot said: \(output.stderr)")
        #expect(output.stdout.contains("<svg"))
    }

    @Test("Mermaid numbers nodes and escapes quotes in labels")
    func mermaid() throws {
        var graph = try self.neighbourhood()
        graph.addNode(["id": "quoted", "name": #"The "Law""#, "kind": "law"])
        let text = MermaidExporter.export(graph)
        #expect(text.hasPrefix("flowchart LR\n"))
        #expect(text.contains(#"n1 -->|"requested"| n0"#))
        #expect(text.contains("The #quot;Law#quot; (law)"))
        #expect(text.split(separator: "\n").count == 1 + graph.nodes.count + graph.edges.count)
    }
}

/// Finds and runs Graphviz's `dot`, when installed.
enum GraphvizTool {
    /// The path of `dot`, or `nil` when Graphviz is not installed.
    static let path: String? = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `dot -Tsvg` on `input`.
    static func run(_ path: String, input: String) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await ProcessRunner.run(path, ["-Tsvg"], input: input)
    }
}
