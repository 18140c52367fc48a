import ChronoProtocol

/// When `chrono subscribe` ends on its own: after a number of shown frames, or at a revision.
struct SubscriptionStop {
    /// Stop after this many shown frames.
    var maxFrames: Int?
    /// Stop once a shown frame is at this revision or later.
    var untilRevision: Int?
    /// The frames shown so far.
    private(set) var shown = 0

    /// Creates the rule for the options given.
    init(maxFrames: Int?, untilRevision: Int?) {
        self.maxFrames = maxFrames
        self.untilRevision = untilRevision
    }

    /// Counts a shown frame; `false` when the subscription should end.
    mutating func continues(after frame: JSONValue) -> Bool {
        self.shown += 1
        if let limit = self.maxFrames, self.shown >= limit {
            return false
        }
        if let until = self.untilRevision, let revision = frame["revision"]?.intValue, revision >= Int64(until) {
            return false
        }
        return true
    }
}
