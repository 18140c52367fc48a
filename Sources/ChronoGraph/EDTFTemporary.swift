// Temporary stand-in for the `pure` branch's EDTF parser, with the agreed API; removed when `pure` lands.
public import ChronoProtocol

/// A calendar day, counted in days since 1970-01-01 (proleptic Gregorian).
public struct Day: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public var ordinal: Int

    /// The day with the given ordinal.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day of the given civil date.
    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = era * 146097 + doe - 719468
    }

    private var civil: (year: Int, month: Int, day: Int) {
        let z = self.ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The year.
    public var year: Int { self.civil.year }
    /// The month, 1–12.
    public var month: Int { self.civil.month }
    /// The day of the month.
    public var day: Int { self.civil.day }
    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = self.civil
        let year = String(abs(c.year))
        let padded = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return (c.year < 0 ? "-" : "") + padded + "-" + (c.month < 10 ? "0" : "") + String(c.month) + "-"
            + (c.day < 10 ? "0" : "") + String(c.day)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// A range of days; `nil` is an open or unknown end.
public struct DayRange: Sendable, Hashable {
    /// The first day, or `nil`.
    public var lower: Day?
    /// The last day, or `nil`.
    public var upper: Day?

    /// A range with the given ends.
    public init(lower: Day?, upper: Day?) {
        self.lower = lower
        self.upper = upper
    }
}

/// How precisely a date is known.
public enum DatePrecision: String, Sendable, Codable, CaseIterable, Comparable {
    case day, month, year, decade, century

    /// Finest first.
    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool {
        Self.allCases.firstIndex(of: lhs)! < Self.allCases.firstIndex(of: rhs)!
    }
}

/// An invalid EDTF string.
public struct EDTFError: Error, Sendable, Hashable, StatusConvertible {
    /// What is wrong.
    public var message: String
    public var status: ChronoError { .invalidArgument(self.message) }
}

/// An EDTF (level 0/1) date or interval.
public struct EDTFDate: Sendable, Hashable, CustomStringConvertible {
    /// The string as given.
    public var edtf: String
    /// Certain bounds.
    public var strict: DayRange
    /// Bounds widened one unit either side when approximate or uncertain.
    public var fuzzy: DayRange
    /// The coarsest precision of the ends.
    public var precision: DatePrecision
    /// `~` or `%`.
    public var isApproximate: Bool
    /// `?` or `%`.
    public var isUncertain: Bool

    public var description: String { self.edtf }

    /// Parses an EDTF string.
    public init(_ text: String) throws(EDTFError) {
        self.edtf = text
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, !text.isEmpty else { throw EDTFError(message: "invalid EDTF date \"\(text)\"") }
        if parts.count == 1 {
            let single = try Self.single(parts[0], whole: text)
            self.strict = DayRange(lower: single.lower, upper: single.upper)
            self.fuzzy = DayRange(lower: single.fuzzyLower, upper: single.fuzzyUpper)
            self.precision = single.precision
            self.isApproximate = single.approximate
            self.isUncertain = single.uncertain
            return
        }
        let start = (parts[0].isEmpty || parts[0] == "..") ? nil : try Self.single(parts[0], whole: text)
        let end = (parts[1].isEmpty || parts[1] == "..") ? nil : try Self.single(parts[1], whole: text)
        guard start != nil || end != nil else { throw EDTFError(message: "invalid EDTF interval \"\(text)\"") }
        if let start, let end, start.lower > end.upper {
            throw EDTFError(message: "EDTF interval \"\(text)\" ends before it starts")
        }
        self.strict = DayRange(lower: start?.lower, upper: end?.upper)
        self.fuzzy = DayRange(lower: start?.fuzzyLower, upper: end?.fuzzyUpper)
        self.precision = max(start?.precision ?? .day, end?.precision ?? .day)
        self.isApproximate = (start?.approximate ?? false) || (end?.approximate ?? false)
        self.isUncertain = (start?.uncertain ?? false) || (end?.uncertain ?? false)
    }

    private struct Single {
        var lower: Day, upper: Day, fuzzyLower: Day, fuzzyUpper: Day
        var precision: DatePrecision, approximate: Bool, uncertain: Bool
    }

    private static func single(_ raw: String, whole: String) throws(EDTFError) -> Single {
        var body = raw
        var approximate = false
        var uncertain = false
        if let last = body.last, "~?%".contains(last) {
            approximate = last != "?"
            uncertain = last != "~"
            body.removeLast()
        }
        let fail = EDTFError(message: "invalid EDTF date \"\(whole)\"")
        let fields = body.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(fields.count), fields[0].count == 4 else { throw fail }
        let yearText = fields[0]
        let xs = yearText.reversed().prefix { $0 == "X" }.count
        guard xs <= 2, yearText.dropLast(xs).allSatisfy(\.isASCIIDigit), !(xs > 0 && fields.count > 1) else {
            throw fail
        }
        let base = Int(yearText.dropLast(xs) + String(repeating: "0", count: xs))!
        var precision: DatePrecision = xs == 2 ? .century : xs == 1 ? .decade : .year
        var lower = Day(year: base, month: 1, day: 1)
        var upper = Day(year: base + (xs == 2 ? 99 : xs == 1 ? 9 : 0), month: 12, day: 31)
        if fields.count >= 2 {
            guard fields[1].count == 2, let month = Int(fields[1]), (1...12).contains(month),
                fields[1].allSatisfy(\.isASCIIDigit)
            else { throw fail }
            let length = Self.monthLength(year: base, month: month)
            precision = .month
            lower = Day(year: base, month: month, day: 1)
            upper = Day(year: base, month: month, day: length)
            if fields.count == 3 {
                guard fields[2].count == 2, let day = Int(fields[2]), (1...length).contains(day),
                    fields[2].allSatisfy(\.isASCIIDigit)
                else { throw fail }
                precision = .day
                lower = Day(year: base, month: month, day: day)
                upper = lower
            }
        }
        var fuzzyLower = lower
        var fuzzyUpper = upper
        if approximate || uncertain {
            switch precision {
            case .day:
                fuzzyLower.ordinal -= 1
                fuzzyUpper.ordinal += 1
            case .month:
                fuzzyLower = Day(ordinal: lower.ordinal - 1)
                fuzzyLower = Day(year: fuzzyLower.year, month: fuzzyLower.month, day: 1)
                let next = Day(ordinal: upper.ordinal + 1)
                fuzzyUpper = Day(
                    year: next.year, month: next.month, day: Self.monthLength(year: next.year, month: next.month))
            case .year, .decade, .century:
                let step = precision == .year ? 1 : precision == .decade ? 10 : 100
                fuzzyLower = Day(year: lower.year - step, month: 1, day: 1)
                fuzzyUpper = Day(year: upper.year + step, month: 12, day: 31)
            }
        }
        return Single(
            lower: lower, upper: upper, fuzzyLower: fuzzyLower, fuzzyUpper: fuzzyUpper, precision: precision,
            approximate: approximate, uncertain: uncertain)
    }

    private static func monthLength(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self.isASCII && self.isNumber }
}
