/// Where a traversal stopped because a budget ran out.
public struct Truncated: Sendable, Hashable {
    /// The budget that ran out.
    public enum Budget: String, Sendable, Hashable {
        case depth, nodes, limit, paths
    }

    /// Which budget.
    public var budget: Budget
    /// The budget's size.
    public var limit: Int
    /// The entity id (or place) where the cut happened.
    public var at: String

    /// Creates a truncation marker.
    public init(budget: Budget, limit: Int, at: String) {
        self.budget = budget
        self.limit = limit
        self.at = at
    }
}
