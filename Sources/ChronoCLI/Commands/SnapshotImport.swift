import ArgumentParser
import ChronoProtocol

extension Chrono.Snapshot {
    /// `chrono snapshot import FILE`: hand a saved snapshot to the daemon.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a snapshot saved by export (FILE and FILE.manifest.json) in the daemon.",
            discussion: """
                Calls chrono.v1.Snapshot/Import once per 512 KiB piece of FILE; with the last piece the daemon \
                checks sizes and hashes (DATA_LOSS for a truncated or corrupted file) and stores the snapshot \
                without changing the live graph; use restore for that. Needs the write right (--token).

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
            let runner = CommandRunner(connection: self.connection, output: self.output)
            try await runner.guarding { terminal in
                let upload = try SnapshotUpload(file: self.file)
                let manifest = try await runner.connected { try await Self.send(upload, on: $0) }
                try runner.emit(SnapshotPresenter.presentManifest(manifest), terminal: terminal)
            }
        }

        /// Sends `upload` piece by piece until the daemon answers with the stored manifest.
        private static func send(_ upload: SnapshotUpload, on connection: DaemonConnection) async throws -> JSONValue {
            while true {
                let params = try upload.nextParams()
                let reply = try await connection.call(.snapshotImport, params: params)
                if let manifest = reply.result["manifest"] { return manifest }
                if params["data"] == "" { throw upload.truncated }
            }
        }
    }
}
