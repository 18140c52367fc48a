import ArgumentParser
import ChronoProtocol

extension Chrono.Snapshot {
    /// `chrono snapshot restore ID`: make the live graph equal to a snapshot.
    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the live graph equal to a snapshot, as one new revision.",
            discussion: """
                Calls chrono.v1.Snapshot/Restore and prints the new revision with the records inserted, updated \
                and deleted. Readers see the old graph or the restored one, never a mix; subscribers get the \
                difference as one change. Needs the write right (--token).

                Examples:
                  chrono snapshot restore r12-3f9a0c1b2d4e
                """
        )

        @Argument(help: ArgumentHelp("The snapshot id.", valueName: "id"))
        var id: String

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
        }

        func run() async throws {
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(.snapshotRestore, params: ["id": .string(self.id)], present: WritePresenter.present)
        }
    }
}
