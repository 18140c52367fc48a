/// How finely a date is stated, from finest (`day`) to coarsest (`century`).
///
/// Seasons (`2001-21`) report `month`: they are stated to a run of three months.
public enum DatePrecision: String, Sendable, Codable, CaseIterable, Comparable {
    /// A single day (`2007-03-19`).
    case day
    /// A month or a season (`2006-12`, `2001-21`, `2004-05-XX`).
    case month
    /// A year (`1999`, `2004-XX`, `Y170000002`).
    case year
    /// A decade (`199X`).
    case decade
    /// A century (`19XX`).
    case century

    /// Finer precisions sort first.
    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .day: return 0
        case .month: return 1
        case .year: return 2
        case .decade: return 3
        case .century: return 4
        }
    }
}
