import ArgumentParser
import ChronoGraph
import ChronoProtocol

extension Chrono {
    /// `chrono path`: how two entities are connected, hop by hop with evidence.
    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how two entities are connected, hop by hop, with each relation's evidence.",
            discussion: """
                Relations are followed in either direction; each hop says which way the relation points \
                (──issued──▶ or ◀──issued──) and cites its sources. Paths also pass through events both ends \
                took part in (──event: title──, with the event's date and sources); --no-events follows \
                relations only. --paths asks for up to k shortest paths.

                Examples:
                  chrono path ilham-aliyev state-migration-service
                  chrono path germany azerbaijan --paths 3 --max-depth 5
                  chrono path germany azerbaijan --format mermaid >> notes.md
                """
        )

        @Argument(help: ArgumentHelp("Where the path starts: id, name or alias.", valueName: "from"))
        var from: String

        @Argument(help: ArgumentHelp("Where the path ends: id, name or alias.", valueName: "to"))
        var to: String

        @Option(
            name: .customLong("max-depth"),
            help: ArgumentHelp("Longest path in hops, 1-8 (default 4).", valueName: "n")
        )
        var maxDepth: Int?

        @Option(
            name: .customLong("paths"),
            help: ArgumentHelp("How many shortest paths, 1-10 (default 1).", valueName: "k")
        )
        var count: Int?

        @Option(
            name: .customLong("relation"),
            help: ArgumentHelp("Follow only this relation type; repeatable.", valueName: "type")
        )
        var relations: [String] = []

        @Flag(
            inversion: .prefixedNo,
            help: "Let a hop pass through an event both ends took part in (default on)."
        )
        var events = true

        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings + OutputFormat.graphs)
            try Params.checkName(self.from, argument: "<from>")
            try Params.checkName(self.to, argument: "<to>")
            try Limits.check(self.maxDepth, in: PathsQuery.depths, option: "--max-depth")
            try Limits.check(self.count, in: PathsQuery.counts, option: "--paths")
        }

        func run() async throws {
            var params: [String: JSONValue] = ["from": .string(self.from), "to": .string(self.to)]
            params["max_depth"] = Params.int(self.maxDepth)
            params["k"] = Params.int(self.count)
            params["relations"] = Params.list(self.relations)
            params["through_events"] = .bool(self.events)
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.graphPaths, params: self.asOf.adding(to: params), present: PathPresenter.present)
        }
    }
}
