/// A calendar day in the proleptic Gregorian calendar, counted in days from 1970-01-01.
///
/// Years are astronomical: year 0 is 1 BC, year -1 is 2 BC. Ordering is chronological.
public struct Day: Sendable, Hashable, Comparable {
    /// Largest year magnitude the calendar conversions are meant for (twelve digits).
    public static let maximumYear = 999_999_999_999

    /// Days since 1970-01-01, negative before it.
    public var ordinal: Int

    /// Creates the day with the given ordinal (days since 1970-01-01).
    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// Creates the day `year-month-day`.
    ///
    /// The date must exist (month 1...12, day within the month, |year| ≤ ``maximumYear``): anything else is a
    /// programmer error and traps. Untrusted text goes through ``EDTFDate`` instead.
    public init(year: Int, month: Int, day: Int) {
        precondition(year.magnitude <= Self.maximumYear.magnitude, "year \(year) out of range")
        precondition((1...12).contains(month), "month \(month) out of range 1–12")
        precondition((1...Self.daysIn(year: year, month: month)).contains(day), "day \(day) out of range")
        self.ordinal = Self.ordinal(year: year, month: month, day: day)
    }

    /// Creates the day `year-month-day`, or returns `nil` when no such day exists or |year| > ``maximumYear``.
    public init?(validatingYear year: Int, month: Int, day: Int) {
        guard year.magnitude <= Self.maximumYear.magnitude, (1...12).contains(month),
            (1...Self.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        self.ordinal = Self.ordinal(year: year, month: month, day: day)
    }

    /// Earlier days sort first.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The year (astronomical numbering).
    public var year: Int { self.civil.year }

    /// The month, 1...12.
    public var month: Int { self.civil.month }

    /// The day of the month, 1...31.
    public var day: Int { self.civil.day }

    /// `YYYY-MM-DD`; years outside 0...9999 are written with a sign and at least five digits (`-00044-03-15`).
    public var iso: String {
        let (year, month, day) = self.civil
        let yearText: String
        if (0...9999).contains(year) {
            yearText = Self.padded(year, to: 4)
        } else {
            yearText = (year < 0 ? "-" : "+") + Self.padded(year.magnitude, to: 5)
        }
        return "\(yearText)-\(Self.padded(month, to: 2))-\(Self.padded(day, to: 2))"
    }

    private static func padded<Number: BinaryInteger>(_ value: Number, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Day: CustomStringConvertible {
    /// The ``iso`` form.
    public var description: String { self.iso }
}
