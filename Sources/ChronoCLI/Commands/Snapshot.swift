import ArgumentParser

extension Chrono {
    /// `chrono snapshot`: create, list, move and compare snapshots of the graph.
    struct Snapshot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create, list, export, import, restore and compare snapshots of the graph.",
            discussion: """
                A snapshot is the canonical export of the graph at one revision, stored by the daemon under an \
                id like r12-3f9a0c1b2d4e. Any read command answers from one with --as-of ID.

                Examples:
                  chrono snapshot create
                  chrono snapshot export r12-3f9a0c1b2d4e graph.jsonl.gz && zcat graph.jsonl.gz | head
                  chrono snapshot diff r12-3f9a0c1b2d4e
                """,
            subcommands: [Create.self, List.self, Export.self, Import.self, Restore.self, Diff.self]
        )
    }
}
