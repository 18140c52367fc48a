/// The methods of protocol version 1, named `chrono.v1.<Service>/<Method>`.
///
/// See `Protocol/PROTOCOL.md`, section "Methods", for params and results.
public enum MethodName: String, Sendable, Hashable, CaseIterable {
    case healthCheck = "chrono.v1.Health/Check"
    case reflectionList = "chrono.v1.Reflection/List"
    case timelineQuery = "chrono.v1.Timeline/Query"
    case timelineStream = "chrono.v1.Timeline/Stream"
    case entityGet = "chrono.v1.Entity/Get"
    case entitySearch = "chrono.v1.Entity/Search"
    case searchQuery = "chrono.v1.Search/Query"
    case graphNeighbors = "chrono.v1.Graph/Neighbors"
    case graphPaths = "chrono.v1.Graph/Paths"
    case graphSubgraph = "chrono.v1.Graph/Subgraph"
    case disputesList = "chrono.v1.Disputes/List"
    case figuresList = "chrono.v1.Figures/List"
    case statsGet = "chrono.v1.Stats/Get"
    case callCancel = "chrono.v1.Call/Cancel"
    case factsWrite = "chrono.v1.Facts/Write"
    case factsCompact = "chrono.v1.Facts/Compact"
    case watchSubscribe = "chrono.v1.Watch/Subscribe"
    case snapshotCreate = "chrono.v1.Snapshot/Create"
    case snapshotList = "chrono.v1.Snapshot/List"
    case snapshotRestore = "chrono.v1.Snapshot/Restore"
    case snapshotDiff = "chrono.v1.Snapshot/Diff"
    case snapshotExport = "chrono.v1.Snapshot/Export"
    case snapshotImport = "chrono.v1.Snapshot/Import"

    /// Whether the method answers with data frames before its terminal frame.
    public var isStreaming: Bool {
        self == .timelineStream || self == .watchSubscribe || self == .snapshotExport
    }
}
