import ChronoProtocol
import Foundation
import Testing

@Suite struct JSONSyntaxCheckTests {
    private func check(_ text: String, depth: Int = 64) throws(JSONSyntaxCheck.Violation) {
        try JSONSyntaxCheck.check(Array(text.utf8), maximumDepth: depth)
    }

    @Test func acceptsOrdinaryJSON() throws {
        try self.check(#"{"id":1,"method":"m","params":{"a":[1,2,{"b":"x,}"}],"c":"\"}"}}"#)
        try self.check(#"[{"a":1},{"a":2}]"#)
        try self.check(#"{"a":{"a":{"a":1}}}"#)
        try self.check(#" "a,]" "#)
    }

    @Test func rejectsACommaBeforeAClosingBracket() {
        #expect(throws: JSONSyntaxCheck.Violation.trailingComma(offset: 15)) { try self.check(#"{"id":1,"m":2 ,}"#) }
        #expect(throws: JSONSyntaxCheck.Violation.self) { try self.check("[1,2,\n]") }
    }

    @Test func rejectsAMemberNamedTwiceEvenWhenEscaped() {
        #expect(throws: JSONSyntaxCheck.Violation.self) { try self.check(#"{"id":1,"id":2}"#) }
        #expect(throws: JSONSyntaxCheck.Violation.self) { try self.check(#"{"id":1,"\u0069d":2}"#) }
        #expect(throws: JSONSyntaxCheck.Violation.self) { try self.check(#"{"p":{"t":"a","t":7}}"#) }
    }

    @Test func sameNameInSiblingObjectsIsFine() throws {
        try self.check(#"{"a":{"x":1},"b":{"x":2},"c":[{"x":3},{"x":4}]}"#)
    }

    @Test func rejectsNestingPastTheLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxCheck.Violation.tooDeep(limit: 128)) { try self.check(deep, depth: 128) }
        #expect(throws: Never.self) { try self.check(String(repeating: "[", count: 3) + "]]]", depth: 3) }
    }

    @Test func requestParsingRejectsBothWithANullId() {
        for line in [#"{"id":1,"method":"chrono.v1.Health/Check",}"#, #"{"id":1,"id":2,"method":"m"}"#] {
            #expect {
                _ = try Request.parse(line: Data(line.utf8))
            } throws: { error in
                guard let error = error as? RequestLineError else { return false }
                return error.id == nil && error.error.code == .invalidArgument
                    && error.error.message.hasPrefix("request line is not valid JSON: ")
            }
        }
    }
}
