import ChronoGraph
import ChronoProtocol
import Testing

@Suite struct EDTFRejectionTests {
    /// Invalid strings, each with a fragment its error message must contain.
    static let cases: [(text: String, fragment: String)] = [
        ("", "empty date"),
        ("2019-13", "month 13 out of range 1–12"),
        ("2019-00", "month 0 out of range 1–12"),
        ("2001-25", "month 25 out of range 1–12 (seasons 21–24)"),
        ("2019-02-30", "day 30 out of range 1–28 for month 02 of year 2019"),
        ("2019-02-29", "day 29 out of range 1–28"),
        ("1900-02-29", "day 29 out of range 1–28"),
        ("2019-04-31", "day 31 out of range 1–30"),
        ("2019-01-00", "day 0 out of range 1–31"),
        ("20190", "year \"20190\" has 5 digits; years beyond four digits need the Y prefix"),
        ("199", "year must have 4 digits, got \"199\" at offset 0"),
        ("2019-1", "month must have 2 digits, got \"1\" at offset 5"),
        ("2019-01-1", "day must have 2 digits, got \"1\" at offset 8"),
        ("2019-", "missing month at offset 5"),
        ("-", "missing year at offset 1"),
        (" 2019", "unexpected space at offset 0"),
        ("2019 ", "unexpected space at offset 4"),
        ("2019-01 -01", "unexpected space at offset 7"),
        ("2019 / 2020", "unexpected space at offset 4"),
        ("2005/2004", "interval ends (2004-12-31) before it starts (2005-01-01)"),
        ("2004-06/2004-03", "interval ends (2004-03-31) before it starts (2004-06-01)"),
        ("2004?/2003", "interval ends (2003-12-31) before it starts (2004-01-01)"),
        ("../..", "an interval needs a date at one end at least"),
        ("/", "an interval needs a date at one end at least"),
        ("../", "an interval needs a date at one end at least"),
        ("/..", "an interval needs a date at one end at least"),
        ("..", "unexpected character '.' at offset 0"),
        ("2019/2020/2021", "more than one '/' (second at offset 9)"),
        ("2019~~", "more than one qualifier at offset 4"),
        ("2019?~", "more than one qualifier at offset 4"),
        ("~", "qualifier without a date"),
        ("2019/?", "qualifier without a date"),
        ("2019?-01", "unexpected character '?' at offset 4"),
        ("X999", "unspecified digits (X) are allowed only as the last one or two digits of the year"),
        ("19X5", "unspecified digits (X) are allowed only as the last one or two digits of the year"),
        ("1XXX", "unspecified digits (X) are allowed only as the last one or two digits of the year"),
        ("199X-05", "a year with unspecified digits cannot have a month"),
        ("2004-XX-05", "a day cannot be given when the month is unspecified (XX)"),
        ("2004-0X", "month must be two digits or XX, got \"0X\" at offset 5"),
        ("2004-05-1X", "day must be two digits or XX, got \"1X\" at offset 8"),
        ("2001-21-05", "a season (21) cannot have a day"),
        ("2019-01-01x", "unexpected character 'x' at offset 10"),
        ("2019-01-01-05", "unexpected character '-' at offset 10"),
        ("2019-01-01 10:00:00", "unexpected space at offset 10"),
        ("2019-01T10:00:00", "unexpected character 'T' at offset 7"),
        ("2019-01-XXT10:00:00", "a time needs a full date (YYYY-MM-DD)"),
        ("2019-01-01T", "hour must have 2 digits at offset 11"),
        ("2019-01-01T10:00", "a time must be hh:mm:ss, but it ends at offset 16"),
        ("2019-01-01T10-00-00", "unexpected character '-' at offset 13"),
        ("2019-01-01T24:00:00", "hour 24 out of range 0–23"),
        ("2019-01-01T10:60:00", "minute 60 out of range 0–59"),
        ("2019-01-01T10:00:61", "second 61 out of range 0–59"),
        ("2019-01-01T10:00:00+5", "offset hour must have 2 digits at offset 20"),
        ("2019-01-01T10:00:00+05:9", "offset minute must have 2 digits at offset 23"),
        ("2019-01-01T10:00:00Zx", "unexpected character 'x' at offset 20"),
        ("2019-01-01T10:00:00.5", "unexpected character '.' at offset 19"),
        ("2019-01-01T10:00:00Z~", "a qualifier cannot follow a time"),
        ("+2019", "unexpected character '+' at offset 0"),
        ("2019a", "unexpected character 'a' at offset 4"),
        ("-0000", "year -0000 is not valid"),
        ("Y2019", "a Y-prefixed year must have more than four digits, got 4"),
        ("Y", "a Y-prefixed year must have more than four digits, got 0"),
        ("Y1234567890123", "year has 13 digits, more than the 12 supported"),
        ("Y17E7", "unexpected character 'E' at offset 3"),
        ("\u{FF12}\u{FF10}\u{FF11}\u{FF19}", "unexpected byte 0xEF at offset 0"),
        ("2019\n", "unexpected byte 0x0A at offset 4"),
        (String(repeating: "1", count: 65), "date longer than 64 characters"),
    ]

    @Test(arguments: Self.cases)
    func rejectsWithMessageSayingWhatAndWhere(_ text: String, _ fragment: String) {
        #expect {
            try EDTFDate(text)
        } throws: { error in
            guard let error = error as? EDTFError else { return false }
            return error.message.contains(fragment)
        }
    }

    @Test func messageQuotesTheInputAndMapsToInvalidArgument() throws {
        let error = try #require(throws: EDTFError.self) { try EDTFDate("2019-13") }
        #expect(error.message == "month 13 out of range 1–12 (seasons 21–24) in \"2019-13\"")
        #expect(error.status == ChronoError.invalidArgument(error.message))
        #expect(error.status.code == .invalidArgument)
    }

    @Test func longInputIsEchoedOnlyInPart() throws {
        let text = String(repeating: "9", count: 10_000)
        let error = try #require(throws: EDTFError.self) { try EDTFDate(text) }
        #expect(error.message.count < 120)
        #expect(error.message.hasSuffix("…\""))
    }
}
