import ArgumentParser
import ChronoGraph
import ChronoProtocol
import Testing

@testable import ChronoCLI

@Suite("--from and --to: command-line dates are checked by the daemon's EDTF grammar before any I/O")
struct EDTFDateTests {
    @Test(
        "accepts EDTF levels 0 and 1, intervals, times and plain years",
        arguments: [
            "2007", "2007-03", "2007-03-19", "2007~", "2007?", "2007-03%", "199X", "19XX", "2004-XX",
            "2007-21", "2008-02-29", "Y170000002", "-0500", "2007/2010", "1991/..", "../1994",
            "2004-01-01T10:10:10Z",
        ]
    )
    func acceptsValidDates(text: String) throws {
        let window = try WindowOptions.parse(["--from=\(text)"])
        #expect(window.params["from"] == .string(text))
    }

    @Test(
        "rejects malformed dates with the reason",
        arguments: [
            ("2019-13", "month 13"),
            ("2007-02-30", "day 30"),
            ("2007-02-29", "day 29"),
            ("07", "2007"),
            ("yesterday", "2007"),
            ("2007-3", "2007"),
            ("2007-03-19-01", "2007"),
            ("", "empty date"),
            ("2007-21-01", "2007"),
        ]
    )
    func rejectsInvalidDates(text: String, reason: String) {
        #expect {
            _ = try WindowOptions.date(text)
        } throws: { error in
            let message = String(describing: error)
            return message.contains(reason) && message.contains("not an EDTF date")
        }
    }

    @Test("trims surrounding spaces")
    func trimsSpaces() throws {
        #expect(try WindowOptions.date(" 2007 ").edtf == "2007")
    }

    @Test("refuses a period that certainly starts after it ends, and lets overlapping ends through")
    func checksTheOrderOfTheEnds() throws {
        #expect(throws: (any Error).self) { try WindowOptions.parse(["--from", "2008", "--to", "2007"]).check() }
        try WindowOptions.parse(["--from", "2007-06", "--to", "2007"]).check()
        try WindowOptions.parse(["--from", "1991/..", "--to", "1994"]).check()
    }
}
