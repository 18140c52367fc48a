/// What went wrong during a run, counted by kind, with the first few messages kept as samples.
struct FanoutErrors: Sendable, Encodable {
    /// A kind of error.
    enum Kind: String, CaseIterable, Sendable {
        /// A live subscriber had no change frame for a commit by its deadline.
        case missed
        /// A subscriber got a second change frame for one commit.
        case duplicated
        /// A change frame's revision differs from the write's acknowledged revision.
        case wrongRevision = "wrong_revision"
        /// A change frame that does not hold the commit in flight.
        case unexpectedChange = "unexpected_change"
        /// A frame the tool cannot attribute to a subscription, or an out-of-order initial frame.
        case unexpectedFrame = "unexpected_frame"
        /// A subscription ended (terminal frame or closed connection) during the run.
        case ended
        /// A write that failed or was not acknowledged in time.
        case write
        /// A connection that could not be opened.
        case connect
    }

    private static let sampleLimit = 20

    /// Count per kind.
    private(set) var counts: [String: Int] = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0.rawValue, 0) })
    /// The first messages.
    private(set) var samples: [String] = []

    /// All errors counted.
    var total: Int { self.counts.values.reduce(0, +) }

    /// Counts one error of `kind`, keeping `message` if there is room for samples.
    mutating func note(_ kind: Kind, _ message: String) {
        self.counts[kind.rawValue, default: 0] += 1
        if self.samples.count < Self.sampleLimit { self.samples.append("\(kind.rawValue): \(message)") }
    }

    /// Adds another set of errors.
    mutating func merge(_ other: FanoutErrors) {
        for (kind, count) in other.counts { self.counts[kind, default: 0] += count }
        self.samples = Array((self.samples + other.samples).prefix(Self.sampleLimit))
    }
}
