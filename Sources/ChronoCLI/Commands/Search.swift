import ArgumentParser
import ChronoGraph
import ChronoProtocol

extension Chrono {
    /// `chrono search`: entities whose id, name, alias or summary match some words.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find actors and instruments by name, alias or words in their summary.",
            discussion: """
                Results come best first; MATCHED says whether the id, the name, an alias or the summary text \
                matched.

                Examples:
                  chrono search readmission
                  chrono search Aliyev --kind person
                  chrono search "migration service" --format csv > hits.csv
                """
        )

        @Argument(help: ArgumentHelp("Words to look for.", valueName: "text"))
        var text: String

        @Option(
            name: .customLong("kind"),
            help: ArgumentHelp("An entity kind such as law; repeatable.", valueName: "kind")
        )
        var kinds: [String] = []

        @Option(help: ArgumentHelp("Most results to return, 1-100 (default 20).", valueName: "n"))
        var limit: Int?

        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
            try Limits.check(self.limit, in: SearchQuery.limits, option: "--limit")
            guard !self.text.trimmingWhitespace.isEmpty else {
                throw ValidationError("<text>: give at least one word to search for")
            }
        }

        func run() async throws {
            var params: [String: JSONValue] = ["text": .string(self.text)]
            params["kinds"] = Params.list(self.kinds)
            params["limit"] = Params.int(self.limit)
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.entitySearch, params: self.asOf.adding(to: params), present: SearchPresenter.present)
        }
    }
}
