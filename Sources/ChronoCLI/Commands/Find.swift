import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono find` (also `chrono search`): one ranked search over events, entities, figures, disputes and
    /// relations.
    struct Find: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find events, actors, instruments, figures and disputes by words, best first.",
            discussion: """
                Words are matched forgivingly: word endings (biometrics finds biometric), case and accents \
                are ignored, filler words (of, the, what) are dropped, the last word may be unfinished, and \
                names forgive a typo or a transliteration (Aliev, Ilkham). Records holding more of the words \
                rank first; names and aliases weigh more than titles, titles more than summaries and claims. \
                On a terminal the results are grouped by kind; every format gives each record's date and \
                sources.

                Examples:
                  chrono find resettlement of forced migrant camps
                  chrono find biometric passports --kind event --from 2007 --to 2010
                  chrono find Aliyev --kind person
                  chrono find "migration service" --doc 002 --format csv > hits.csv
                """,
            aliases: ["search"]
        )

        @Argument(help: ArgumentHelp("Words to look for.", valueName: "words"))
        var words: [String]

        @Option(
            name: .customLong("kind"),
            help: ArgumentHelp(
                "A record kind (event, entity, figure, dispute, relation) or an entity kind such as law; repeatable.",
                valueName: "kind"
            )
        )
        var kinds: [String] = []

        @OptionGroup var window: WindowOptions

        @Option(help: ArgumentHelp("Only records citing this document (its id, e.g. 002).", valueName: "doc"))
        var doc: String?

        @Option(help: ArgumentHelp("Most results to return, 1-100 (default 20).", valueName: "n"))
        var limit: Int?

        @Option(help: ArgumentHelp("The next_cursor of a previous page.", valueName: "cursor"))
        var cursor: String?

        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
            try Limits.check(self.limit, in: 1...100, option: "--limit")
            try self.window.check()
            guard !self.text.trimmingWhitespace.isEmpty else {
                throw ValidationError("<words>: give at least one word to search for")
            }
        }

        private var text: String { self.words.joined(separator: " ") }

        func run() async throws {
            var params = self.window.params
            params["text"] = .string(self.text)
            params["kinds"] = Params.list(self.kinds)
            params["doc"] = self.doc.map { .string($0) }
            params["limit"] = Params.int(self.limit)
            params["cursor"] = self.cursor.map { .string($0) }
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.searchQuery, params: self.asOf.adding(to: params), present: FindPresenter.present)
        }
    }
}
