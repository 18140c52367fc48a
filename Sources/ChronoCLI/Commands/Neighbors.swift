import ArgumentParser
import ChronoGraph
import ChronoProtocol

extension Chrono {
    /// `chrono neighbors`: the entities around one entity, up to a depth.
    struct Neighbors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the entities linked to one entity, up to a depth, with the relations between them.",
            discussion: """
                --relation, --kind limit what is followed; --from/--to keep dated relations that overlap the \
                period. --events also reaches those who took part in the same events, and lists those events \
                with their dates and sources. Graph formats (graphml, gexf, dot, mermaid) export the neighbourhood for Gephi, yEd, \
                Graphviz or Markdown.

                Examples:
                  chrono neighbors state-migration-service
                  chrono neighbors azerbaijan --depth 2 --relation party_to --format gexf > azerbaijan.gexf
                  chrono neighbors ilham-aliyev --direction out --format dot | dot -Tpng > aliyev.png
                  chrono neighbors "State Migration Service" --events
                """
        )

        @Argument(help: ArgumentHelp("The entity: id, name or alias.", valueName: "entity"))
        var entity: String

        @Option(help: ArgumentHelp("How many hops to follow, 1-6 (default 1).", valueName: "n"))
        var depth: Int?

        @Option(
            name: .customLong("relation"),
            help: ArgumentHelp("Follow only this relation type; repeatable.", valueName: "type")
        )
        var relations: [String] = []

        @Option(help: ArgumentHelp("out, in or both (default both).", valueName: "direction"))
        var direction: Direction?

        @Option(
            name: .customLong("kind"),
            help: ArgumentHelp("Keep only entities of this kind; repeatable.", valueName: "kind")
        )
        var kinds: [String] = []

        @OptionGroup var window: WindowOptions

        @Option(help: ArgumentHelp("Most nodes to return, 1-10000 (default 200).", valueName: "n"))
        var limit: Int?

        @Flag(help: "Also pass through events: an event connects everyone who took part in it.")
        var events = false

        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings + OutputFormat.graphs)
            try Params.checkName(self.entity, argument: "<entity>")
            try Limits.check(self.depth, in: NeighborsQuery.depths, option: "--depth")
            try Limits.check(self.limit, in: NeighborsQuery.limits, option: "--limit")
            try self.window.check()
        }

        func run() async throws {
            var params = self.window.params
            params["id"] = .string(self.entity)
            params["depth"] = Params.int(self.depth)
            params["relations"] = Params.list(self.relations)
            params["direction"] = self.direction.map { .string($0.rawValue) }
            params["kinds"] = Params.list(self.kinds)
            params["limit"] = Params.int(self.limit)
            if self.events { params["through_events"] = .bool(true) }
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.graphNeighbors, params: self.asOf.adding(to: params), present: GraphPresenter.presentNeighbors)
        }
    }
}

/// Which way relations are followed from an entity.
enum Direction: String, CaseIterable, ExpressibleByArgument {
    case out
    case `in`
    case both
}
