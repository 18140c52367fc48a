import ChronoGraph
import Testing

@Suite struct EDTFDayTests {
    @Test func knownOrdinals() {
        #expect(Day(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(Day(year: 1969, month: 12, day: 31).ordinal == -1)
        #expect(Day(year: 2000, month: 1, day: 1).ordinal == 10957)
        #expect(Day(year: 2026, month: 11, day: 23).ordinal == 20780)
        #expect(Day(year: 1, month: 1, day: 1).ordinal == -719_162)
        #expect(Day(year: 9999, month: 12, day: 31).ordinal == 2_932_896)
    }

    /// Walks every day of years -500...2500 with an independent month-length table and checks that ordinals
    /// count up by one and convert back to the same civil date.
    @Test func ordinalRoundTripsDayByDay() {
        var expected = Day(year: -500, month: 1, day: 1).ordinal
        var mismatches = 0
        for year in -500...2500 {
            let leap = year % 400 == 0 || (year % 4 == 0 && year % 100 != 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            for (monthOffset, length) in lengths.enumerated() {
                for day in 1...length {
                    let value = Day(year: year, month: monthOffset + 1, day: day)
                    let back = Day(ordinal: expected)
                    if value.ordinal != expected || back.year != year || back.month != monthOffset + 1
                        || back.day != day
                    {
                        mismatches += 1
                    }
                    expected += 1
                }
            }
        }
        #expect(mismatches == 0)
        #expect(expected == Day(year: 2501, month: 1, day: 1).ordinal)
    }

    @Test(arguments: [-999_999_999_999, -170_000_002, -1, 0, 1, 170_000_002, 999_999_999_999])
    func extremeYearsRoundTrip(_ year: Int) {
        for (month, day) in [(1, 1), (2, 28), (12, 31)] {
            let value = Day(year: year, month: month, day: day)
            let back = Day(ordinal: value.ordinal)
            #expect(back.year == year)
            #expect(back.month == month)
            #expect(back.day == day)
        }
    }

    @Test func validatingInitRefusesDaysThatDoNotExist() {
        #expect(Day(validatingYear: 2020, month: 2, day: 29) == Day(year: 2020, month: 2, day: 29))
        #expect(Day(validatingYear: 2019, month: 2, day: 29) == nil)
        #expect(Day(validatingYear: 2019, month: 13, day: 1) == nil)
        #expect(Day(validatingYear: 2019, month: 4, day: 0) == nil)
        #expect(Day(validatingYear: Int.min, month: 1, day: 1) == nil)
        #expect(Day(validatingYear: Day.maximumYear + 1, month: 1, day: 1) == nil)
        #expect(Day(validatingYear: -Day.maximumYear, month: 12, day: 31)?.year == -Day.maximumYear)
    }

    @Test func isoPadsAndSignsYearsOutsideFourDigits() {
        #expect(Day(year: 2007, month: 3, day: 9).iso == "2007-03-09")
        #expect(Day(year: 0, month: 1, day: 1).iso == "0000-01-01")
        #expect(Day(year: 33, month: 12, day: 25).iso == "0033-12-25")
        #expect(Day(year: -44, month: 3, day: 15).iso == "-00044-03-15")
        #expect(Day(year: 10000, month: 1, day: 1).iso == "+10000-01-01")
        #expect(Day(year: 170_000_002, month: 6, day: 30).description == "+170000002-06-30")
    }

    /// `iso` against its rule spelled out with `String`: for days across the calendar's range and for ordinals
    /// beyond it (whose dates are meaningless but must still be written, not overrun a buffer).
    @Test func isoFollowsItsRuleAcrossTheRange() {
        func padded(_ value: some BinaryInteger, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let years = [-Day.maximumYear, -10_000, -9999, -1, 0, 1, 999, 9999, 10_000, 99_999, Day.maximumYear]
        var days = years.flatMap { year in [(1, 1), (2, 28), (12, 31)].map { Day(year: year, month: $0, day: $1) } }
        days += [Int.max, Int.min, Int.max / 2, Int.min / 2, -719_468].map { Day(ordinal: $0) }
        for day in days {
            let year =
                (0...9999).contains(day.year)
                ? padded(day.year, 4) : (day.year < 0 ? "-" : "+") + padded(day.year.magnitude, 5)
            #expect(day.iso == "\(year)-\(padded(day.month, 2))-\(padded(day.day, 2))")
        }
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(Day.isLeap(year: 2004))
        #expect(Day.isLeap(year: 2000))
        #expect(!Day.isLeap(year: 1900))
        #expect(!Day.isLeap(year: 2019))
        #expect(Day.isLeap(year: 0))
        #expect(Day.isLeap(year: -4))
        #expect(!Day.isLeap(year: -1))
        #expect(Day.daysIn(year: 2004, month: 2) == 29)
        #expect(Day.daysIn(year: -100, month: 2) == 28)
    }

    @Test func daysOrderChronologically() {
        let days = [
            Day(year: 2000, month: 1, day: 2), Day(year: -1, month: 12, day: 31), Day(year: 1999, month: 12, day: 31),
        ]
        #expect(days.sorted().map(\.iso) == ["-00001-12-31", "1999-12-31", "2000-01-02"])
    }

    @Test func rangesContainAndOverlapWithOpenEnds() {
        let day = { (year: Int) in Day(year: year, month: 1, day: 1) }
        let closed = DayRange(lower: day(2000), upper: day(2010))
        let open = DayRange(lower: nil, upper: day(2005))
        #expect(closed.contains(day(2000)))
        #expect(!closed.contains(day(2011)))
        #expect(open.contains(day(-5000)))
        #expect(closed.contains(DayRange(lower: day(2001), upper: day(2010))))
        #expect(!closed.contains(open))
        #expect(DayRange(lower: nil, upper: nil).contains(open))
        #expect(closed.overlaps(open))
        #expect(!DayRange(lower: day(2006), upper: nil).overlaps(open))
        #expect(DayRange(lower: day(2005), upper: nil).overlaps(open))
    }
}
