/// Disputes matching a filter (`chrono.v1.Disputes/List`).
public struct DisputeList: GraphResult, Hashable {
    /// By id.
    public var disputes: [Dispute]
    /// The `subject` when it was a name, with the entity it resolved to.
    public var resolved: [ResolvedName]
    public var revision: Int64

    /// Creates a list.
    public init(disputes: [Dispute], resolved: [ResolvedName] = [], revision: Int64) {
        self.disputes = disputes
        self.resolved = resolved
        self.revision = revision
    }
}

/// Figures matching a filter (`chrono.v1.Figures/List`).
public struct FigureList: GraphResult, Hashable {
    /// By id.
    public var figures: [Figure]
    /// The `subject` when it was a name, with the entity it resolved to.
    public var resolved: [ResolvedName]
    public var revision: Int64

    /// Creates a list.
    public init(figures: [Figure], resolved: [ResolvedName] = [], revision: Int64) {
        self.figures = figures
        self.resolved = resolved
        self.revision = revision
    }
}
