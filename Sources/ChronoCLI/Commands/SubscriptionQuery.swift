import ArgumentParser
import ChronoProtocol

/// The queries `chrono subscribe` can follow, each a unary method of the daemon.
enum SubscriptionQuery: String, CaseIterable, ExpressibleByArgument {
    case timeline
    case show
    case neighbors
    case figures
    case disputes
    case stats

    /// The method whose answer is followed.
    var method: MethodName {
        switch self {
        case .timeline: .timelineQuery
        case .show: .entityGet
        case .neighbors: .graphNeighbors
        case .figures: .figuresList
        case .disputes: .disputesList
        case .stats: .statsGet
        }
    }

    /// Whether the query is about one entity.
    var needsEntity: Bool { self == .show || self == .neighbors }

    /// Whether `--from`/`--to` apply.
    var takesWindow: Bool { self == .timeline || self == .neighbors || self == .figures }
}
