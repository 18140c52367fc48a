import ArgumentParser
import ChronoGraph
import ChronoProtocol

extension Chrono {
    /// `chrono timeline`: the events of a period, ordered by date.
    struct Timeline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List events in date order, optionally within a period or about given actors.",
            discussion: """
                Dates are EDTF or plain years: 2007, 2007-03, 2007-03-19, 2007~ (about), 199X (some year of \
                the 1990s). By default (--mode certain-first) the events certainly inside the period come \
                first, then, below a rule, those that only possibly overlap it (open-ended, broad or uncertain \
                dates); --mode overlaps lists both in one date order; --mode within keeps only the certain ones. \
                Ordering within a group: by lower bound (open start first), then finest precision first, then id. \
                --text finds events holding the most of its words (stemmed, as chrono find matches them).

                Examples:
                  chrono timeline --from 2007 --to 2011
                  chrono timeline --actor "State Migration Service" --type establishment
                  chrono timeline --all --format timelinejs > timeline.json
                """
        )

        @OptionGroup var window: WindowOptions

        @Option(help: ArgumentHelp("certain-first (default), overlaps or within.", valueName: "mode"))
        var mode: WindowMode?

        @Option(
            name: .customLong("actor"),
            help: ArgumentHelp("An actor (id or name); repeatable.", valueName: "entity")
        )
        var actors: [String] = []

        @Option(
            name: .customLong("instrument"),
            help: ArgumentHelp("A law, decree or agreement (id or name); repeatable.", valueName: "entity")
        )
        var instruments: [String] = []

        @Option(
            name: .customLong("type"),
            help: ArgumentHelp("An event type such as adoption; repeatable.", valueName: "type")
        )
        var types: [String] = []

        @Option(help: ArgumentHelp("Words the event's title or summary must contain.", valueName: "text"))
        var text: String?

        @Option(help: ArgumentHelp("Events per page, 1-500 (default 50).", valueName: "n"))
        var limit: Int?

        @Option(help: ArgumentHelp("Continue after a previous page (its next_cursor).", valueName: "cursor"))
        var cursor: String?

        @Flag(help: "Every matching event, streamed (Timeline/Stream) instead of one page; no --limit or --cursor.")
        var all = false

        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings + [.timelinejs] + OutputFormat.pictures)
            try Limits.check(self.limit, in: TimelineQuery.limits, option: "--limit")
            try self.window.check()
            if self.all && (self.limit != nil || self.cursor != nil) {
                throw ValidationError("--all streams every event; it takes no --limit or --cursor")
            }
        }

        func run() async throws {
            let runner = CommandRunner(connection: self.connection, output: self.output)
            if self.all {
                try await runner.runStream(
                    .timelineStream,
                    params: self.asOf.adding(to: self.params),
                    key: "event",
                    present: TimelinePresenter.present
                )
            } else {
                try await runner.run(
                    .timelineQuery,
                    params: self.asOf.adding(to: self.params),
                    present: TimelinePresenter.present
                )
            }
        }

        /// The `Timeline/Query` params for the options given.
        var params: [String: JSONValue] {
            var params = self.window.params
            params["mode"] = self.mode.map { .string($0 == .certainFirst ? "certain_first" : $0.rawValue) }
            params["actors"] = Params.list(self.actors)
            params["instruments"] = Params.list(self.instruments)
            params["types"] = Params.list(self.types)
            params["text"] = self.text.map(JSONValue.string)
            params["limit"] = Params.int(self.limit)
            params["cursor"] = self.cursor.map(JSONValue.string)
            return params
        }
    }
}

/// How a period selects events: `overlaps` keeps events touching it, `within` those inside it.
enum WindowMode: String, CaseIterable, ExpressibleByArgument {
    case certainFirst = "certain-first"
    case overlaps
    case within
}
