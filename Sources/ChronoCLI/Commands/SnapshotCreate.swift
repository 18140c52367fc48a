import ArgumentParser
import ChronoProtocol

extension Chrono.Snapshot {
    /// `chrono snapshot create`: snapshot the live graph.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Snapshot the live graph at its current revision and print the manifest.",
            discussion: """
                Calls chrono.v1.Snapshot/Create. Creating twice at one revision returns the same snapshot.

                Examples:
                  chrono snapshot create
                  chrono snapshot create --format json | jq -r .id
                """
        )

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
        }

        func run() async throws {
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.snapshotCreate, params: [:], present: SnapshotPresenter.presentManifest)
        }
    }
}
