/// Parses one EDTF date (no `/`) at level 0 or 1: `[-]YYYY[-MM[-DD[Thh:mm:ss[Z|±hh[:mm]]]]]` with `X` for
/// unspecified trailing digits, seasons 21–24 in place of the month, `Y`-prefixed long years, and one final
/// qualifier `?` `~` `%`. A time is checked and then ignored: bounds are whole days of the stated date.
struct EDTFPointParser {
    /// Most digits accepted after `Y`, so that every computation stays far from `Int` overflow.
    static let maximumLongYearDigits = 12

    /// The whole input, for messages.
    let text: String
    /// The whole input's bytes; the parser reads only `range`.
    let bytes: [UInt8]
    let range: Range<Int>

    /// The parsed date, or an error naming what is wrong and its byte offset.
    func parse() throws(EDTFError) -> EDTFPoint {
        var end = self.range.upperBound
        var qualifier: EDTFPoint.Qualifier?
        if end > self.range.lowerBound, let found = EDTFPoint.Qualifier(byte: self.bytes[end - 1]) {
            end -= 1
            if end > self.range.lowerBound, EDTFPoint.Qualifier(byte: self.bytes[end - 1]) != nil {
                throw self.fail("more than one qualifier at offset \(end - 1)")
            }
            qualifier = found
        }
        guard end > self.range.lowerBound else {
            throw self.fail(qualifier == nil ? "empty date" : "qualifier without a date")
        }
        if qualifier != nil && self.bytes[self.range.lowerBound..<end].contains(UInt8(ascii: "T")) {
            throw self.fail("a qualifier cannot follow a time")
        }
        var point: EDTFPoint
        if self.bytes[self.range.lowerBound] == UInt8(ascii: "Y") {
            point = try self.parseLongYear(self.range.lowerBound + 1..<end)
        } else {
            point = try self.parseCalendarDate(self.range.lowerBound..<end)
        }
        point.qualifier = qualifier
        return point
    }

    /// `Y[-]D…D`: a year of more than four digits.
    private func parseLongYear(_ range: Range<Int>) throws(EDTFError) -> EDTFPoint {
        var index = range.lowerBound
        let negative = index < range.upperBound && self.bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let digitsEnd = self.scan(from: index, upTo: range.upperBound) { Self.isDigit($0) }
        let count = digitsEnd - index
        if digitsEnd < range.upperBound {
            throw self.unexpected(at: digitsEnd)
        }
        guard count > 4 else {
            throw self.fail("a Y-prefixed year must have more than four digits, got \(count)")
        }
        guard count <= Self.maximumLongYearDigits else {
            throw self.fail("year has \(count) digits, more than the \(Self.maximumLongYearDigits) supported")
        }
        let magnitude = self.number(index..<digitsEnd)
        let year = negative ? -magnitude : magnitude
        return Self.yearPoint(from: year, to: year, precision: .year)
    }

    /// `[-]YYYY[-MM[-DD]]`, with `X` digits and seasons.
    private func parseCalendarDate(_ range: Range<Int>) throws(EDTFError) -> EDTFPoint {
        var index = range.lowerBound
        let negative = self.bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let yearField = try self.field(from: index, upTo: range.upperBound, name: "year", width: 4)
        let year = try self.year(yearField, negative: negative)
        index = yearField.upperBound
        guard index < range.upperBound else {
            return Self.yearPoint(from: year.lower, to: year.upper, precision: year.precision)
        }
        index += 1
        let monthField = try self.field(from: index, upTo: range.upperBound, name: "month", width: 2)
        guard year.precision == .year else {
            throw self.fail("a year with unspecified digits cannot have a month")
        }
        index = monthField.upperBound
        guard index < range.upperBound else {
            return try self.monthAndDay(year: year.lower, month: monthField, day: nil)
        }
        let dayField = try self.field(
            from: index + 1,
            upTo: range.upperBound,
            name: "day",
            width: 2,
            terminator: UInt8(ascii: "T")
        )
        let point = try self.monthAndDay(year: year.lower, month: monthField, day: dayField)
        if dayField.upperBound < range.upperBound {
            guard point.precision == .day else { throw self.fail("a time needs a full date (YYYY-MM-DD)") }
            try self.checkTime(dayField.upperBound + 1..<range.upperBound)
        }
        return point
    }

    /// The point for a month (or season, or unspecified month) and an optional day in `year`.
    private func monthAndDay(year: Int, month: Range<Int>, day: Range<Int>?) throws(EDTFError) -> EDTFPoint {
        guard let monthValue = try self.twoDigits(month, name: "month") else {
            if let day, try self.twoDigits(day, name: "day") != nil {
                throw self.fail("a day cannot be given when the month is unspecified (XX)")
            }
            return Self.yearPoint(from: year, to: year, precision: .year)
        }
        if (21...24).contains(monthValue) {
            guard day == nil else { throw self.fail("a season (\(monthValue)) cannot have a day") }
            // Spring 21 = March–May, summer 22 = June–August, autumn 23 = September–November,
            // winter 24 = December–February of the next year (northern hemisphere, as python-edtf does).
            let firstMonth = year * 12 + (monthValue - 21) * 3 + 2
            return EDTFPoint(
                lower: Day.first(ofMonthIndex: firstMonth),
                upper: Day.last(ofMonthIndex: firstMonth + 2),
                precision: .month,
                unitMonths: 3
            )
        }
        guard (1...12).contains(monthValue) else {
            throw self.fail("month \(monthValue) out of range 1–12 (seasons 21–24)")
        }
        let monthIndex = year * 12 + monthValue - 1
        guard let day, let dayValue = try self.twoDigits(day, name: "day") else {
            return EDTFPoint(
                lower: Day.first(ofMonthIndex: monthIndex),
                upper: Day.last(ofMonthIndex: monthIndex),
                precision: .month,
                unitMonths: 1
            )
        }
        let length = Day.daysIn(year: year, month: monthValue)
        guard (1...length).contains(dayValue) else {
            let monthText = String(decoding: self.bytes[month], as: UTF8.self)
            throw self.fail("day \(dayValue) out of range 1–\(length) for month \(monthText) of year \(year)")
        }
        let date = Day(ordinal: Day.ordinal(year: year, month: monthValue, day: dayValue))
        return EDTFPoint(lower: date, upper: date, precision: .day, unitMonths: nil)
    }

    /// The range of years a four-character year field stands for, and its precision.
    private func year(
        _ field: Range<Int>,
        negative: Bool
    ) throws(EDTFError) -> (lower: Int, upper: Int, precision: DatePrecision) {
        let digits = self.bytes[field]
        let firstX = digits.firstIndex(of: UInt8(ascii: "X")) ?? field.upperBound
        guard firstX - field.lowerBound >= 2, digits[firstX...].allSatisfy({ $0 == UInt8(ascii: "X") }) else {
            throw self.fail("unspecified digits (X) are allowed only as the last one or two digits of the year")
        }
        let known = self.number(field.lowerBound..<firstX)
        let unspecified = field.upperBound - firstX
        let scale = unspecified == 0 ? 1 : (unspecified == 1 ? 10 : 100)
        let lower = known * scale
        let upper = lower + scale - 1
        if negative && upper == 0 {
            throw self.fail("year -0000 is not valid (year zero is written 0000)")
        }
        let precision: DatePrecision = unspecified == 0 ? .year : (unspecified == 1 ? .decade : .century)
        return negative ? (-upper, -lower, precision) : (lower, upper, precision)
    }

    /// A point covering whole years `from...to`, widened by one unit of `precision`.
    private static func yearPoint(from: Int, to: Int, precision: DatePrecision) -> EDTFPoint {
        let unitYears = precision == .century ? 100 : (precision == .decade ? 10 : 1)
        return EDTFPoint(
            lower: Day.first(ofMonthIndex: from * 12),
            upper: Day.last(ofMonthIndex: to * 12 + 11),
            precision: precision,
            unitMonths: unitYears * 12
        )
    }
}
