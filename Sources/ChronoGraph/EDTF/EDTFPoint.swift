/// One EDTF date with no `/`: its strict and fuzzy bounds, precision and qualifier.
struct EDTFPoint: Sendable, Hashable {
    /// The qualifier written after a date.
    enum Qualifier: Sendable, Hashable {
        /// `?`
        case uncertain
        /// `~`
        case approximate
        /// `%`, both uncertain and approximate.
        case uncertainAndApproximate

        init?(byte: UInt8) {
            switch byte {
            case UInt8(ascii: "?"): self = .uncertain
            case UInt8(ascii: "~"): self = .approximate
            case UInt8(ascii: "%"): self = .uncertainAndApproximate
            default: return nil
            }
        }

        var isApproximate: Bool { self != .uncertain }
        var isUncertain: Bool { self != .approximate }
    }

    /// The first and last day the date certainly covers.
    var lower: Day
    var upper: Day
    var precision: DatePrecision
    /// One unit of the stated precision, in months; `nil` means one day.
    var unitMonths: Int?
    var qualifier: Qualifier?

    /// The certain bounds.
    var strict: DayRange { DayRange(lower: self.lower, upper: self.upper) }

    /// The strict bounds, widened by one unit of precision either side when the date is qualified.
    var fuzzy: DayRange {
        guard self.qualifier != nil else { return self.strict }
        guard let months = self.unitMonths else {
            return DayRange(lower: Day(ordinal: self.lower.ordinal - 1), upper: Day(ordinal: self.upper.ordinal + 1))
        }
        // Month-based precisions start on a first and end on a last day of a month.
        return DayRange(
            lower: Day.first(ofMonthIndex: self.lower.monthIndex - months),
            upper: Day.last(ofMonthIndex: self.upper.monthIndex + months)
        )
    }
}
