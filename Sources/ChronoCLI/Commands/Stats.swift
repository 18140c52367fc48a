import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono stats`: what the graph holds.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count what the graph holds: entities by kind, events, relations, facts per document.",
            discussion: """
                Examples:
                  chrono stats
                  chrono stats --format json | jq .counts
                """
        )

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
        }

        func run() async throws {
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.statsGet, params: [:], present: StatsPresenter.present)
        }
    }
}
