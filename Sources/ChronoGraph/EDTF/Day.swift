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
        self.withISO { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the ``iso`` form as ASCII bytes, formed on the stack (no `String` made).
    func withISO<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let (year, month, day) = self.civil
        // A sign, the digits of any Int (an ordinal out of the calendar's range still writes) and `-MM-DD`.
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 27) { buffer in
            var end = buffer.count
            Self.digits(day, width: 2, endingAt: &end, in: buffer)
            end -= 1
            buffer[end] = UInt8(ascii: "-")
            Self.digits(month, width: 2, endingAt: &end, in: buffer)
            end -= 1
            buffer[end] = UInt8(ascii: "-")
            if (0...9999).contains(year) {
                Self.digits(year, width: 4, endingAt: &end, in: buffer)
            } else {
                Self.digits(year.magnitude, width: 5, endingAt: &end, in: buffer)
                end -= 1
                buffer[end] = year < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            }
            return try body(UnsafeBufferPointer(rebasing: buffer[end...]))
        }
    }

    /// Writes the decimal digits of `value`, zero-padded to `width`, to end just before `end` in `buffer`, and
    /// moves `end` to the first of them.
    private static func digits(
        _ value: some BinaryInteger,
        width: Int,
        endingAt end: inout Int,
        in buffer: UnsafeMutableBufferPointer<UInt8>
    ) {
        var rest = UInt(value)
        var written = 0
        while rest != 0 || written < width {
            end -= 1
            buffer[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            written += 1
        }
    }
}

extension Day: CustomStringConvertible {
    /// The ``iso`` form.
    public var description: String { self.iso }
}
