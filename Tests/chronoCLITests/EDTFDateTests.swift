import Testing

@testable import ChronoCLI

@Suite("EDTFDate: command-line dates are checked before any I/O")
struct EDTFDateTests {
    @Test(
        "accepts EDTF levels 0 and 1 and plain years",
        arguments: [
            "2007", "2007-03", "2007-03-19", "2007~", "2007?", "2007-03%", "199X", "19XX", "2004-XX",
            "2007-21", "2008-02-29", "Y170000002", "-0500",
        ]
    )
    func acceptsValidDates(text: String) throws {
        #expect(try EDTFDate(parsing: text).text == text)
    }

    @Test(
        "rejects malformed dates with the reason",
        arguments: [
            ("2019-13", "month 13 is out of range"),
            ("2007-02-30", "day 30 is out of range"),
            ("2007-02-29", "day 29 is out of range"),
            ("07", "the year must be four digits"),
            ("yesterday", "the year must be four digits"),
            ("2007-3", "the month must be two digits"),
            ("2007-03-19-01", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("", "it is empty"),
            ("2007-21-01", "month 21 is out of range"),
        ]
    )
    func rejectsInvalidDates(text: String, reason: String) {
        #expect {
            _ = try EDTFDate(parsing: text)
        } throws: { error in
            let message = String(describing: error)
            return message.contains(reason) && message.contains("\"\(text)\"")
        }
    }

    @Test("trims surrounding spaces")
    func trimsSpaces() throws {
        #expect(try EDTFDate(parsing: " 2007 ").text == "2007")
    }
}
