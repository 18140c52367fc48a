/// Disputes matching a filter (`chrono.v1.Disputes/List`).
public struct DisputeList: GraphResult, Hashable {
    /// By id.
    public var disputes: [Dispute]
    public var revision: Int64

    /// Creates a list.
    public init(disputes: [Dispute], revision: Int64) {
        self.disputes = disputes
        self.revision = revision
    }

    private enum CodingKeys: String, CodingKey { case disputes }
}

/// Figures matching a filter (`chrono.v1.Figures/List`).
public struct FigureList: GraphResult, Hashable {
    /// By id.
    public var figures: [Figure]
    public var revision: Int64

    /// Creates a list.
    public init(figures: [Figure], revision: Int64) {
        self.figures = figures
        self.revision = revision
    }

    private enum CodingKeys: String, CodingKey { case figures }
}
