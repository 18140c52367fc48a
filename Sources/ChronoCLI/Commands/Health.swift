import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono health`: whether the daemon answers.
    struct Health: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that chronod is up; print its status, graph revision and uptime.",
            discussion: """
                Exits 0 when the daemon answers, 69 when it cannot be reached: handy in scripts.

                Examples:
                  chrono health
                  chrono health --port 7702 --deadline 500ms || echo "chronod is down"
                """
        )

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
        }

        func run() async throws {
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.healthCheck, params: [:], present: StatsPresenter.presentHealth)
        }
    }
}
