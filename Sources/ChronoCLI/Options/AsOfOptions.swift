public import ArgumentParser
public import ChronoProtocol

/// `--as-of SNAPSHOT_ID`, accepted by every read command: answer from a snapshot instead of the live graph.
public struct AsOfOptions: ParsableArguments, Sendable {
    /// The snapshot asked for, if any.
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Answer from this snapshot (an id from `chrono snapshot list`).", valueName: "snapshot")
    )
    public var snapshot: String?

    /// Creates the options with nothing given.
    public init() {}

    /// Refuses a blank snapshot id before any I/O.
    public func validate() throws {
        if let snapshot = self.snapshot, snapshot.trimmingWhitespace.isEmpty {
            throw ValidationError("--as-of: expected a snapshot id, got an empty string")
        }
    }

    /// `params` with `as_of` set when a snapshot was given.
    public func adding(to params: [String: JSONValue]) -> [String: JSONValue] {
        var params = params
        params["as_of"] = self.snapshot.map(JSONValue.string)
        return params
    }
}
