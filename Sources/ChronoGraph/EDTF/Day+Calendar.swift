// Conversions between ordinals and civil dates, after Howard Hinnant's `days_from_civil` and
// `civil_from_days` (https://howardhinnant.github.io/date_algorithms.html), which are exact for the
// proleptic Gregorian calendar over the whole range of `Int` used here.

extension Day {
    /// Whether `year` is a leap year in the proleptic Gregorian calendar.
    public static func isLeap(year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return Self.isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The ordinal of a valid civil date.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of this day.
    var civil: (year: Int, month: Int, day: Int) {
        // Wrapping add: an ordinal near `Int.max` gives a meaningless date rather than a trap.
        let shifted = self.ordinal &+ 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The first day of the month numbered `index` = year × 12 + (month − 1); any integer is accepted.
    static func first(ofMonthIndex index: Int) -> Day {
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        return Day(ordinal: Self.ordinal(year: year, month: index - year * 12 + 1, day: 1))
    }

    /// The last day of the month numbered `index` = year × 12 + (month − 1).
    static func last(ofMonthIndex index: Int) -> Day {
        Day(ordinal: Self.first(ofMonthIndex: index + 1).ordinal - 1)
    }

    /// This day's month number, year × 12 + (month − 1).
    var monthIndex: Int {
        let (year, month, _) = self.civil
        return year * 12 + month - 1
    }
}
