import ChronoGraph
import Testing

@Suite struct EDTFDateTests {
    /// One valid string with its expected bounds (ISO days, `nil` for an open or unknown end).
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var strict: (String?, String?)
        var fuzzy: (String?, String?)
        var precision: DatePrecision
        /// The qualifier the string carries: `?`, `~`, `%` or nothing.
        var qualifier: Character?

        init(
            _ text: String,
            _ strictLower: String?,
            _ strictUpper: String?,
            _ fuzzyLower: String?,
            _ fuzzyUpper: String?,
            _ precision: DatePrecision,
            _ qualifier: Character? = nil
        ) {
            self.text = text
            self.strict = (strictLower, strictUpper)
            self.fuzzy = (fuzzyLower, fuzzyUpper)
            self.precision = precision
            self.qualifier = qualifier
        }

        var approximate: Bool { self.qualifier == "~" || self.qualifier == "%" }
        var uncertain: Bool { self.qualifier == "?" || self.qualifier == "%" }
        var testDescription: String { self.text }
    }

    static let cases: [Case] = [
        Case("2007-03-19", "2007-03-19", "2007-03-19", "2007-03-19", "2007-03-19", .day),
        Case("2006-12", "2006-12-01", "2006-12-31", "2006-12-01", "2006-12-31", .month),
        Case("1999", "1999-01-01", "1999-12-31", "1999-01-01", "1999-12-31", .year),
        Case("0000", "0000-01-01", "0000-12-31", "0000-01-01", "0000-12-31", .year),
        Case("199X", "1990-01-01", "1999-12-31", "1990-01-01", "1999-12-31", .decade),
        Case("19XX", "1900-01-01", "1999-12-31", "1900-01-01", "1999-12-31", .century),
        Case("2004-XX", "2004-01-01", "2004-12-31", "2004-01-01", "2004-12-31", .year),
        Case("2004-XX-XX", "2004-01-01", "2004-12-31", "2004-01-01", "2004-12-31", .year),
        Case("2004-05-XX", "2004-05-01", "2004-05-31", "2004-05-01", "2004-05-31", .month),
        Case("2004-02", "2004-02-01", "2004-02-29", "2004-02-01", "2004-02-29", .month),
        Case("1900-02", "1900-02-01", "1900-02-28", "1900-02-01", "1900-02-28", .month),
        Case("2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29", .day),
        Case("2000/2002", "2000-01-01", "2002-12-31", "2000-01-01", "2002-12-31", .year),
        Case("2004-05/2005", "2004-05-01", "2005-12-31", "2004-05-01", "2005-12-31", .year),
        Case("2004-06-11/2004-06-11", "2004-06-11", "2004-06-11", "2004-06-11", "2004-06-11", .day),
        Case("2004/2004-03", "2004-01-01", "2004-03-31", "2004-01-01", "2004-03-31", .year),
        Case("2007~", "2007-01-01", "2007-12-31", "2006-01-01", "2008-12-31", .year, "~"),
        Case("2007?", "2007-01-01", "2007-12-31", "2006-01-01", "2008-12-31", .year, "?"),
        Case("2007%", "2007-01-01", "2007-12-31", "2006-01-01", "2008-12-31", .year, "%"),
        Case("2006-12?", "2006-12-01", "2006-12-31", "2006-11-01", "2007-01-31", .month, "?"),
        Case("2004-03~", "2004-03-01", "2004-03-31", "2004-02-01", "2004-04-30", .month, "~"),
        Case("2004-02-28~", "2004-02-28", "2004-02-28", "2004-02-27", "2004-02-29", .day, "~"),
        Case("2004-12-31?", "2004-12-31", "2004-12-31", "2004-12-30", "2005-01-01", .day, "?"),
        Case("199X~", "1990-01-01", "1999-12-31", "1980-01-01", "2009-12-31", .decade, "~"),
        Case("19XX?", "1900-01-01", "1999-12-31", "1800-01-01", "2099-12-31", .century, "?"),
        Case("2004-XX~", "2004-01-01", "2004-12-31", "2003-01-01", "2005-12-31", .year, "~"),
        Case("../1999", nil, "1999-12-31", nil, "1999-12-31", .year),
        Case("1999/..", "1999-01-01", nil, "1999-01-01", nil, .year),
        Case("/1999", nil, "1999-12-31", nil, "1999-12-31", .year),
        Case("1999/", "1999-01-01", nil, "1999-01-01", nil, .year),
        Case("2011-06-30/..", "2011-06-30", nil, "2011-06-30", nil, .day),
        Case("../1985-04~", nil, "1985-04-30", nil, "1985-05-31", .month, "~"),
        Case("2004~/2006?", "2004-01-01", "2006-12-31", "2003-01-01", "2007-12-31", .year, "%"),
        Case("2004-06~/2006", "2004-06-01", "2006-12-31", "2004-05-01", "2006-12-31", .year, "~"),
        Case("2001-02-03T09:30:01", "2001-02-03", "2001-02-03", "2001-02-03", "2001-02-03", .day),
        Case("2004-01-01T10:10:10Z", "2004-01-01", "2004-01-01", "2004-01-01", "2004-01-01", .day),
        Case("2004-01-01T10:10:10+05:00", "2004-01-01", "2004-01-01", "2004-01-01", "2004-01-01", .day),
        Case("2004-01-01T23:59:59-11/2004-01-03", "2004-01-01", "2004-01-03", "2004-01-01", "2004-01-03", .day),
        Case("2001-21", "2001-03-01", "2001-05-31", "2001-03-01", "2001-05-31", .month),
        Case("2001-22", "2001-06-01", "2001-08-31", "2001-06-01", "2001-08-31", .month),
        Case("2001-23", "2001-09-01", "2001-11-30", "2001-09-01", "2001-11-30", .month),
        Case("2003-24", "2003-12-01", "2004-02-29", "2003-12-01", "2004-02-29", .month),
        Case("2001-22~", "2001-06-01", "2001-08-31", "2001-03-01", "2001-11-30", .month, "~"),
        Case("-1985", "-01985-01-01", "-01985-12-31", "-01985-01-01", "-01985-12-31", .year),
        Case("-0044-03-15", "-00044-03-15", "-00044-03-15", "-00044-03-15", "-00044-03-15", .day),
        Case("-19XX", "-01999-01-01", "-01900-12-31", "-01999-01-01", "-01900-12-31", .century),
        Case("-0001~", "-00001-01-01", "-00001-12-31", "-00002-01-01", "0000-12-31", .year, "~"),
        Case("Y170000002", "+170000002-01-01", "+170000002-12-31", "+170000002-01-01", "+170000002-12-31", .year),
        Case("Y-170000002", "-170000002-01-01", "-170000002-12-31", "-170000002-01-01", "-170000002-12-31", .year),
        Case("Y12345?", "+12345-01-01", "+12345-12-31", "+12344-01-01", "+12346-12-31", .year, "?"),
        Case("Y-12345/2000", "-12345-01-01", "2000-12-31", "-12345-01-01", "2000-12-31", .year),
    ]

    @Test(arguments: Self.cases)
    func parsesBoundsAndPrecision(_ expected: Case) throws {
        let date = try EDTFDate(expected.text)
        #expect(date.edtf == expected.text)
        #expect(date.description == expected.text)
        #expect(date.strict.lower?.iso == expected.strict.0)
        #expect(date.strict.upper?.iso == expected.strict.1)
        #expect(date.fuzzy.lower?.iso == expected.fuzzy.0)
        #expect(date.fuzzy.upper?.iso == expected.fuzzy.1)
        #expect(date.precision == expected.precision)
        #expect(date.isApproximate == expected.approximate)
        #expect(date.isUncertain == expected.uncertain)
    }

    @Test func equalStringsGiveEqualDates() throws {
        #expect(try EDTFDate("2004-06~") == EDTFDate("2004-06~"))
        #expect(try EDTFDate("2004-06~") != EDTFDate("2004-06"))
        #expect(try Set(["1999", "1999", "199X"].map(EDTFDate.init)).count == 2)
    }

    @Test func precisionsOrderFromDayToCentury() {
        #expect(DatePrecision.allCases.sorted() == [.day, .month, .year, .decade, .century])
        #expect(DatePrecision.month < .year)
        #expect(!(DatePrecision.century < .decade))
    }
}
