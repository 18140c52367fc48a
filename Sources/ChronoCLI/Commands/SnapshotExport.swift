import ArgumentParser
import ChronoProtocol

extension Chrono.Snapshot {
    /// `chrono snapshot export ID FILE`: save a snapshot's gzip file and manifest.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a snapshot as FILE (gzip of the canonical records) and FILE.manifest.json.",
            discussion: """
                Calls chrono.v1.Snapshot/Export and writes the pieces it streams to FILE.partial as they arrive, \
                renamed to FILE once every byte is in: zcat FILE prints one record per line in the Graph/ \
                format, sorted by kind then id. The daemon never writes files itself. A large snapshot may \
                need a longer --deadline.

                Examples:
                  chrono snapshot export r12-3f9a0c1b2d4e graph.jsonl.gz
                  zcat graph.jsonl.gz | grep '"record":"event"'
                """
        )

        @Argument(help: ArgumentHelp("The snapshot id.", valueName: "id"))
        var id: String

        @Argument(help: ArgumentHelp("Where to write the gzip file.", valueName: "file"))
        var file: String

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
            guard !self.file.trimmingWhitespace.isEmpty else {
                throw ValidationError("<file>: expected a file path, got an empty string")
            }
        }

        func run() async throws {
            let runner = CommandRunner(connection: self.connection, output: self.output)
            let params: [String: JSONValue] = ["id": .string(self.id)]
            try await runner.guarding { terminal in
                let download = try SnapshotDownload(file: self.file)
                do {
                    let result = try await runner.stream(.snapshotExport, params: params) { try download.append($0) }
                    let manifest = try download.finish(result)
                    try runner.emit(SnapshotPresenter.presentManifest(manifest), terminal: terminal)
                } catch {
                    download.abandon()
                    throw error
                }
            }
        }
    }
}
