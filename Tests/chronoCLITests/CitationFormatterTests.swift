import ChronoProtocol
import Testing

@testable import ChronoCLI

@Suite("CitationFormatter: doc:line and doc:first-last")
struct CitationFormatterTests {
    @Test("uses the 3-digit prefix when it is unambiguous")
    func prefix() {
        let formatter = CitationFormatter(documents: ["002_ad439a7acad4c436.txt", "003_d94e756ed0cfba1e.txt"])
        #expect(formatter.format(["doc": "002_ad439a7acad4c436.txt", "lines": [120, 122]]) == "002:120-122")
        #expect(formatter.format(["doc": "003_d94e756ed0cfba1e.txt", "lines": [40, 40]]) == "003:40")
    }

    @Test("falls back to the file name without .txt when two documents share a prefix")
    func ambiguousPrefix() {
        let formatter = CitationFormatter(documents: ["002_a.txt", "002_b.txt", "other.txt"])
        #expect(formatter.format(["doc": "002_a.txt", "lines": [1, 3]]) == "002_a:1-3")
        #expect(formatter.format(["doc": "other.txt", "lines": [7, 7]]) == "other:7")
    }

    @Test("finds every cited document inside a result")
    func scanning() throws {
        let formatter = CitationFormatter(scanning: try Fixtures.result("timeline"))
        let citation: JSONValue = ["doc": "001_21021ca7d8178841.txt", "lines": [40, 40]]
        #expect(
            formatter.format(list: [citation, ["doc": "000_58cdf720df08e1c1.txt", "lines": [3, 5]]])
                == "001:40, 000:3-5"
        )
    }
}
