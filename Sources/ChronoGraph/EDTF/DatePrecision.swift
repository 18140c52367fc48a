/// How finely a date is stated, from finest (`day`) to coarsest (`century`).
///
/// Seasons (`2001-21`) report `month`: they are stated to a run of three months.
public enum DatePrecision: String, Sendable, Codable, CaseIterable, Comparable {
    case day, month, year, decade, century

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
