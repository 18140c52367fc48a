import ArgumentParser
import ChronoProtocol

extension Chrono.Snapshot {
    /// `chrono snapshot import FILE`: hand a saved snapshot to the daemon.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a snapshot saved by export (FILE and FILE.manifest.json) in the daemon.",
            discussion: """
                Calls chrono.v1.Snapshot/Import, which checks sizes and hashes (DATA_LOSS for a truncated or \
                corrupted file) and stores the snapshot without changing the live graph; use restore for that. \
                The file travels in one request line, so it must stay under 1 MiB once base64-encoded. Needs \
                the write right (--token).

                Examples:
                  chrono snapshot import graph.jsonl.gz
                  chrono snapshot import graph.jsonl.gz --format json | jq -r .id
                """
        )

        @Argument(help: ArgumentHelp("The gzip file written by export.", valueName: "file"))
        var file: String

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
        }

        func run() async throws {
            try await CommandRunner(connection: self.connection, output: self.output)
                .run(
                    .snapshotImport,
                    prepare: { try SnapshotFiles.load(self.file) },
                    present: SnapshotPresenter.presentManifest
                )
        }
    }
}
