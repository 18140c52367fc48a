import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono write`: add, replace or retract records in one all-or-nothing commit.
    struct Write: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, replace or retract records in one all-or-nothing write.",
            discussion: """
                Reads NDJSON records in the Graph/ line format (one {"record": ...} object per line) from FILE \
                or stdin (-) as upserts, adds each --retract ID, and sends them as one chrono.v1.Facts/Write. \
                The daemon validates the batch as the loader validates Graph/ against the graph as it will be; \
                if any record fails, nothing is written, the server's status and message (naming the record \
                and field, e.g. params.upserts[0].participants[0].entity) are printed and the exit code is 64. \
                A batch larger than one request line (1 MiB) is refused before sending: it is never split, \
                since a write must stay all or nothing. The daemon needs a token for writes when it was started \
                with one (--token or CHRONO_TOKEN); without one it accepts writes from loopback only.

                Examples:
                  chrono write new-events.jsonl
                  grep '"record":"event"' fixes.jsonl | chrono write -
                  chrono write --retract 2009-readmission-talks
                """
        )

        @Argument(help: ArgumentHelp("NDJSON records to upsert, or - for stdin.", valueName: "file"))
        var file: String?

        @Option(name: .customLong("retract"), help: ArgumentHelp("A record id to remove; repeatable.", valueName: "id"))
        var retractions: [String] = []

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
            guard self.file != nil || !self.retractions.isEmpty else {
                throw ValidationError("<file>: give a file of records (or - for stdin), or at least one --retract")
            }
            for id in self.retractions where id.trimmingWhitespace.isEmpty {
                throw ValidationError("--retract: expected a record id, got an empty string")
            }
        }

        func run() async throws {
            let runner = CommandRunner(connection: self.connection, output: self.output)
            try await runner.run(
                .factsWrite,
                prepare: {
                    var upserts: [JSONValue] = []
                    if let path = self.file {
                        upserts = try RecordLines.parse(
                            try RecordLines.read(path),
                            source: path == "-" ? "stdin" : path
                        )
                    }
                    let batch = WriteBatch(upserts: upserts, retractions: self.retractions)
                    guard !upserts.isEmpty || !self.retractions.isEmpty else {
                        throw CLIFailure(.invalidArgument, "\(self.file ?? "-"): no records to write")
                    }
                    try batch.checkSize()
                    return batch.params
                },
                present: WritePresenter.present
            )
        }
    }
}
