/// A closed range of days whose ends may be missing: `nil` means open or unknown, i.e. unbounded on that side.
public struct DayRange: Sendable, Hashable {
    /// The first day in the range, or `nil` when the range is unbounded below.
    public var lower: Day?
    /// The last day in the range, or `nil` when the range is unbounded above.
    public var upper: Day?

    /// Creates a range from its ends.
    public init(lower: Day?, upper: Day?) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `day` lies in the range.
    public func contains(_ day: Day) -> Bool {
        (self.lower.map { $0 <= day } ?? true) && (self.upper.map { day <= $0 } ?? true)
    }

    /// Whether every day of `other` lies in this range (an unbounded end fits only an unbounded end).
    public func contains(_ other: DayRange) -> Bool {
        let lowerFits: Bool
        switch (self.lower, other.lower) {
        case (nil, _): lowerFits = true
        case (.some, nil): lowerFits = false
        case (.some(let mine), .some(let theirs)): lowerFits = mine <= theirs
        }
        let upperFits: Bool
        switch (self.upper, other.upper) {
        case (nil, _): upperFits = true
        case (.some, nil): upperFits = false
        case (.some(let mine), .some(let theirs)): upperFits = theirs <= mine
        }
        return lowerFits && upperFits
    }

    /// Whether the two ranges share at least one day.
    public func overlaps(_ other: DayRange) -> Bool {
        let startsInTime = Self.notAfter(self.lower, other.upper)
        let endsInTime = Self.notAfter(other.lower, self.upper)
        return startsInTime && endsInTime
    }

    private static func notAfter(_ lower: Day?, _ upper: Day?) -> Bool {
        guard let lower, let upper else { return true }
        return lower <= upper
    }
}
