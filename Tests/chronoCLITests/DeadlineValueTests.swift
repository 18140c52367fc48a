import Testing

@testable import ChronoCLI

@Suite("DeadlineValue: milliseconds or durations")
struct DeadlineValueTests {
    @Test(
        "parses milliseconds and durations",
        arguments: [("500", 500), ("500ms", 500), ("5s", 5000), ("1.5s", 1500), ("2m", 120_000), ("0.0001s", 1)]
            as [(String, Int64)]
    )
    func parses(text: String, milliseconds: Int64) throws {
        #expect(try DeadlineValue(parsing: text).milliseconds == milliseconds)
    }

    @Test("rejects zero, negatives, words and more than an hour", arguments: ["0", "-5s", "soon", "5h", "61m", ""])
    func rejects(text: String) {
        #expect(throws: DeadlineSyntaxError.self) {
            _ = try DeadlineValue(parsing: text)
        }
    }
}
