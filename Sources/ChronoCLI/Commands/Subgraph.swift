import ArgumentParser
import ChronoGraph
import ChronoProtocol

extension Chrono {
    /// `chrono subgraph`: the graph around several entities, for export.
    struct Subgraph: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract the graph around one or more entities (for Gephi, yEd, Graphviz, Mermaid).",
            discussion: """
                Depth 0 gives just the entities and the relations among them; each extra level adds their \
                neighbours.

                Examples:
                  chrono subgraph azerbaijan germany --depth 1 --format graphml > readmission.graphml
                  chrono subgraph state-migration-service --format dot | dot -Tsvg > sms.svg
                  chrono subgraph law-on-immigration-1998 --format csv
                """
        )

        @Argument(help: ArgumentHelp("Entities: ids, names or aliases.", valueName: "entity"))
        var entities: [String]

        @Option(help: ArgumentHelp("Levels of neighbours to add, 0-3 (default 1).", valueName: "n"))
        var depth: Int?

        @Option(help: ArgumentHelp("Most nodes to return, 1-10000 (default 1000).", valueName: "n"))
        var limit: Int?

        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings + OutputFormat.graphs)
            guard !self.entities.isEmpty else {
                throw ValidationError("<entity>: give at least one entity")
            }
            for entity in self.entities {
                try Params.checkName(entity, argument: "<entity>")
            }
            try Limits.check(self.depth, in: SubgraphQuery.depths, option: "--depth")
            try Limits.check(self.limit, in: SubgraphQuery.limits, option: "--limit")
        }

        func run() async throws {
            var params: [String: JSONValue] = ["ids": .array(self.entities.map(JSONValue.string))]
            params["depth"] = Params.int(self.depth)
            params["limit"] = Params.int(self.limit)
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.graphSubgraph, params: self.asOf.adding(to: params), present: GraphPresenter.presentSubgraph)
        }
    }
}
