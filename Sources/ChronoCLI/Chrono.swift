public import ArgumentParser

/// The `chrono` command: queries a running `chronod` and prints tables, JSON, CSV or graph files.
public struct Chrono: AsyncParsableCommand {
    /// The command tree, with the exit codes and examples shown by `chrono --help`.
    public static let configuration = CommandConfiguration(
        commandName: "chrono",
        abstract: "Query Chronograph: the events, actors, laws and agreements of migration in Azerbaijan.",
        discussion: """
            chrono talks to a running chronod (default 127.0.0.1:7701). Every command accepts --host, --port, \
            --deadline and --token after its name; CHRONO_HOST, CHRONO_PORT and CHRONO_TOKEN are used when \
            they are not given. Every read command also takes --as-of SNAPSHOT_ID to answer from a snapshot.

            Output: a table on a terminal, one JSON record per line (ndjson) when piped; choose with --format. \
            Colour only on a terminal, never with NO_COLOR. Citations read doc:line or doc:first-last, where \
            doc is the document's 3-digit prefix (002 for 002_ad439a7acad4c436.txt).

            Exit codes: 0 ok; 64 usage or invalid argument (also an ambiguous name, listing the candidates); \
            66 not found; 69 daemon unavailable, unreachable or lacking the method; 70 internal error; \
            75 deadline exceeded or resource exhausted (try again); 77 unauthenticated or permission denied.

            Examples:
              chrono timeline --from 2007 --to 2011
              chrono show "State Migration Service"
              chrono path germany azerbaijan --format dot | dot -Tsvg > path.svg
              chrono write new-events.jsonl && chrono snapshot create
            """,
        version: "1.0.0",
        subcommands: [
            Timeline.self, Show.self, Find.self, Neighbors.self, Path.self, Subgraph.self, Disputes.self,
            Figures.self, Subscribe.self, Stats.self, Health.self, Write.self, Import.self, Snapshot.self,
        ]
    )

    /// Creates the root command (ArgumentParser fills it in).
    public init() {}
}
