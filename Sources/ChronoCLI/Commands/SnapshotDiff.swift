import ArgumentParser
import ChronoProtocol

extension Chrono.Snapshot {
    /// `chrono snapshot diff FROM [TO]`: which records differ between two snapshots.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the records added, removed or changed from one snapshot to another (or to now).",
            discussion: """
                Calls chrono.v1.Snapshot/Diff. Without TO, compares with the live graph. One row per record: \
                CHANGE (added, removed, changed), KIND, ID; no rows when the two are equal.

                Examples:
                  chrono snapshot diff r12-3f9a0c1b2d4e
                  chrono snapshot diff r12-3f9a0c1b2d4e r15-0b1c2d3e4f5a --format csv
                """
        )

        @Argument(help: ArgumentHelp("The older snapshot id.", valueName: "from"))
        var from: String

        @Argument(help: ArgumentHelp("The newer snapshot id (default: the live graph).", valueName: "to"))
        var to: String?

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
        }

        func run() async throws {
            var params: [String: JSONValue] = ["from": .string(self.from)]
            params["to"] = self.to.map(JSONValue.string)
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.snapshotDiff, params: params, present: SnapshotPresenter.presentDiff)
        }
    }
}
