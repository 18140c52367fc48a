import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono figures`: quantities stated in the documents.
    struct Figures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the numbers the documents state (migrants, applications, budgets), with sources.",
            discussion: """
                Examples:
                  chrono figures --subject azerbaijani-migrants
                  chrono figures --from 2000 --to 2011
                  chrono figures --text refugee --format csv > figures.csv
                """
        )

        @Option(help: ArgumentHelp("Only figures about this entity (id or name).", valueName: "entity"))
        var subject: String?

        @Option(help: ArgumentHelp("Words the measure must contain.", valueName: "text"))
        var text: String?

        @OptionGroup var window: WindowOptions

        @Option(help: ArgumentHelp("Most figures to return, 1-1000 (default 100).", valueName: "n"))
        var limit: Int?

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
            try Limits.check(self.limit, in: 1...1000, option: "--limit")
            try self.window.check()
        }

        func run() async throws {
            var params = self.window.params
            params["subject"] = self.subject.map(JSONValue.string)
            params["text"] = self.text.map(JSONValue.string)
            params["limit"] = Params.int(self.limit)
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.figuresList, params: params, present: FiguresPresenter.present)
        }
    }
}
