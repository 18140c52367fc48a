import ChronoProtocol
import ChronoTesting
import Foundation
import Testing

@Suite struct JSONParserTests {
    private func parse(_ text: String, depth: Int = 64) throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(text, maximumDepth: depth)
    }

    private func reason(_ text: String, depth: Int = 64) -> JSONParseError.Reason? {
        do {
            _ = try self.parse(text, depth: depth)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try self.parse(
            #" {"a": [1, -2, 3.5, 1e3, -0.25E-2, true, false, null], "b": {"c": "d"}, "e": ""} "#
        )
        #expect(
            value
                == .object([
                    "a": [.int(1), .int(-2), .double(3.5), .double(1000), .double(-0.0025), true, false, .null],
                    "b": ["c": "d"],
                    "e": "",
                ])
        )
        #expect(try self.parse("9223372036854775807") == .int(Int64.max))
        #expect(try self.parse("-9223372036854775808") == .int(Int64.min))
        #expect(try self.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try self.parse("-0") == .int(0))
    }

    @Test func decodesEscapesAndUnicode() throws {
        #expect(try self.parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try self.parse(#""\u00e9\u0416 \ud83d\ude00""#) == .string("éЖ 😀"))
        #expect(try self.parse("\"Bakı — 😀\"") == .string("Bakı — 😀"))
    }

    @Test func refusesWhatJSONForbids() {
        #expect(self.reason("") == .unexpectedEnd)
        #expect(self.reason("{") == .unexpectedEnd)
        #expect(self.reason(#"{"a":1,}"#) == .trailingComma)
        #expect(self.reason("[1,2,\n]") == .trailingComma)
        #expect(self.reason(#"{"a":1,"a":2}"#) == .duplicateMember("a"))
        #expect(self.reason(#"{"id":1,"\u0069d":2}"#) == .duplicateMember("id"))
        #expect(self.reason(#"{"a" 1}"#) == .expectedColon)
        #expect(self.reason(#"{a:1}"#) == .expectedMemberName)
        #expect(self.reason("[1 2]") == .expectedSeparator(closing: "]"))
        #expect(self.reason("01") == .invalidNumber)
        #expect(self.reason("1.") == .invalidNumber)
        #expect(self.reason("-") == .invalidNumber)
        #expect(self.reason("1e400") == .numberOutOfRange)
        #expect(self.reason("tru") == .invalidLiteral)
        #expect(self.reason("nul1") == .invalidLiteral)
        #expect(self.reason("{} x") == .trailingData)
        #expect(self.reason(#""\x""#) == .invalidEscape)
        #expect(self.reason(#""\u12""#) == .invalidEscape)
        #expect(self.reason(#""\ud83d""#) == .loneSurrogate)
        #expect(self.reason(#""\ude00""#) == .loneSurrogate)
        #expect(self.reason("\"a\tb\"") == .controlCharacterInString)
        #expect(self.reason("'a'") == .unexpectedByte(UInt8(ascii: "'")))
        #expect(self.reason("NaN") == .unexpectedByte(UInt8(ascii: "N")))
    }

    @Test func sameNameInSiblingObjectsIsFine() throws {
        let value = try self.parse(#"{"a":{"x":1},"b":{"x":2},"c":[{"x":3},{"x":4}]}"#)
        #expect(value["c"] == [["x": 3], ["x": 4]])
        #expect(try self.parse(#"{"s":"x,}","t":"\"}"}"#) == ["s": "x,}", "t": "\"}"])
    }

    @Test func requestLinesWithATrailingCommaOrATwiceNamedMemberGetANullId() {
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

    @Test func refusesInvalidUTF8InStrings() throws {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let reason = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parse(buffer, maximumDepth: 8) }
        }
        #expect(throws: JSONParseError.self) { try reason.get() }
        if case .failure(let error) = reason { #expect(error.reason == .invalidUTF8) }
    }

    @Test func boundsNesting() throws {
        let deep = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(try self.parse(deep, depth: 10) != .null)
        #expect(self.reason(deep, depth: 9) == .tooDeep(limit: 9))
        let hostile = String(repeating: "[", count: 100_000)
        #expect(self.reason(hostile, depth: 128) == .tooDeep(limit: 128))
    }

    @Test func errorsNameTheOffset() {
        #expect(throws: JSONParseError(reason: .trailingComma, offset: 7)) { try self.parse(#"{"a":1,}"#) }
        do {
            _ = try self.parse("[1,,2]")
            Issue.record("a doubled comma was accepted")
        } catch {
            #expect(error.description == "unexpected character ',' at byte 3")
        }
    }

    /// Differential check: what Foundation writes, this parser reads back as the same value.
    @Test(arguments: 0..<200) func agreesWithFoundationOnGeneratedDocuments(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let value = Self.randomValue(depth: 0, using: &generator)
        let data = try JSONEncoder().encode(value)
        let text = String(decoding: data, as: UTF8.self)
        #expect(try self.parse(text) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    private static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let kind = depth > 3 ? Int.random(in: 0..<5, using: &generator) : Int.random(in: 0..<7, using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &generator))
        case 3: return .double(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) + 0.5)
        case 4:
            let alphabet = Array("aZ09 \"\\/\n\té€😀\u{1}")
            let count = Int.random(in: 0..<12, using: &generator)
            return .string(String((0..<count).map { _ in alphabet.randomElement(using: &generator)! }))
        case 5:
            return .array(
                (0..<Int.random(in: 0..<5, using: &generator)).map { _ in
                    Self.randomValue(depth: depth + 1, using: &generator)
                }
            )
        default:
            var members: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0..<5, using: &generator) {
                members["k\(index)é"] = Self.randomValue(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }
}
