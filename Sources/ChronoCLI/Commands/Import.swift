import ArgumentParser
import ChronoProtocol

extension Chrono {
    /// `chrono import DIR`: load a `Graph/`-format directory into the live graph.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upsert every record of a Graph/-format directory, in dependency order.",
            discussion: """
                Reads every *.jsonl file in DIR (documents, entities, events, relations, disputes, figures; \
                vocabulary.json is the daemon's own) and sends the records with chrono.v1.Facts/Write: \
                documents first, then entities, then the events, relations, disputes and figures that refer to \
                them. When everything fits in one request line (1 MiB) it is one batch, all or nothing. \
                Otherwise it is several batches, each all or nothing on its own but NOT atomic together: if \
                batch 3 fails, batches 1 and 2 stay written (chrono says so); fix the record and import again, \
                since upserts of identical records change nothing. Prints one row: batches, records, revision, \
                inserted, updated, deleted. Needs the write right (--token).

                Examples:
                  chrono import Graph
                  chrono import ~/exports/graph --format json
                """
        )

        @Argument(help: ArgumentHelp("The Graph/-format directory.", valueName: "dir"))
        var directory: String

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            try self.output.check(allowed: OutputFormat.listings)
        }

        func run() async throws {
            let runner = CommandRunner(connection: self.connection, output: self.output)
            try await runner.guarding { terminal in
                let plan = try ImportPlan(directory: self.directory)
                let connection = try await runner.open()
                var totals = ImportTotals(batches: plan.batches.count, records: plan.counts.values.reduce(0, +))
                for (index, batch) in plan.batches.enumerated() {
                    do {
                        let reply = try await connection.call(.factsWrite, params: WriteBatch(upserts: batch).params)
                        totals.add(reply.result)
                    } catch {
                        await connection.close()
                        if index > 0 {
                            CommandRunner.writeError(
                                "chrono: batch \(index + 1) of \(plan.batches.count) failed; "
                                    + "batches 1-\(index) (\(totals.summary)) stay written"
                            )
                        }
                        throw error
                    }
                }
                await connection.close()
                try runner.emit(totals.presentation, terminal: terminal)
            }
        }
    }
}
