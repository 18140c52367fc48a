import ArgumentParser
import ChronoProtocol

extension Chrono.Snapshot {
    /// `chrono snapshot list`: the stored snapshots.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stored snapshots, oldest revision first.",
            discussion: """
                Examples:
                  chrono snapshot list
                  chrono snapshot list --format csv
                """
        )

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
        }

        func run() async throws {
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.snapshotList, params: [:], present: SnapshotPresenter.presentList)
        }
    }
}
