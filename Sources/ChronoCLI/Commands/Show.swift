import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono show`: one entity with its relations, events and figures.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one entity with its relations, events and figures.",
            discussion: """
                The entity is given by id or by name or alias; a name that fits several entities lists them \
                (id, kind, name) and exits with code 64 instead of guessing. Graph formats export the entity \
                with its direct relations; timelinejs exports its events.

                Examples:
                  chrono show state-migration-service
                  chrono show "SMS" --format json
                  chrono show ilham-aliyev --format mermaid
                """
        )

        @Argument(help: ArgumentHelp("The entity: id, name or alias.", valueName: "entity"))
        var entity: String

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings + [.timelinejs] + OutputFormat.graphs)
            try Params.checkName(self.entity, argument: "<entity>")
        }

        func run() async throws {
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.entityGet, params: ["id": .string(self.entity)], present: ShowPresenter.present)
        }
    }
}
