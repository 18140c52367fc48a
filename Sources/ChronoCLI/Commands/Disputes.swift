import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono disputes`: facts the sources state differently.
    struct Disputes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List facts the documents give differently, one line per source's claim.",
            discussion: """
                Examples:
                  chrono disputes
                  chrono disputes --subject idps
                  chrono disputes --text refugees --format markdown
                """
        )

        @Option(help: ArgumentHelp("Only disputes about this entity or event (id or name).", valueName: "entity"))
        var subject: String?

        @Option(help: ArgumentHelp("Words the topic or a claim must contain.", valueName: "text"))
        var text: String?

        @Option(help: ArgumentHelp("Most disputes to return, 1-1000 (default 100).", valueName: "n"))
        var limit: Int?

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
            try Limits.check(self.limit, in: 1...1000, option: "--limit")
        }

        func run() async throws {
            var params: [String: JSONValue] = [:]
            params["subject"] = self.subject.map(JSONValue.string)
            params["text"] = self.text.map(JSONValue.string)
            params["limit"] = Params.int(self.limit)
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.disputesList, params: params, present: DisputesPresenter.present)
        }
    }
}
