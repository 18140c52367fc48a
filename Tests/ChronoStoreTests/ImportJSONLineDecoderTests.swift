import ChronoGraph
import ChronoProtocol
import Foundation
import Testing

@testable import ChronoStore

@Suite("The import's fast JSON line decoder")
struct ImportJSONLineDecoderTests {
    private func decode(_ text: String) -> JSONValue? {
        Array(text.utf8).withUnsafeBufferPointer { JSONLineDecoder.decode($0, maximumDepth: 16) }
    }

    private func reference(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static let accepted: [String] = [
        #"{}"#,
        #"  {"a" : [ ] , "b":{}}  "#,
        #"{"s":"a\"b\\c\/d\b\f\n\r\t"}"#,
        #"{"s":"\u00e9\u4E2D\ud83d\ude00 é中😀"}"#,
        #"{"i":[0,-5,42,9223372036854775807,-9223372036854775808],"t":true,"f":false,"n":null}"#,
        #"{"nested":{"a":[{"b":[[1],[2,{"c":"d"}]]}]}}"#,
    ]

    @Test(arguments: Self.accepted)
    func decodesPlainJSONLikeFoundation(_ text: String) throws {
        let value = try #require(self.decode(text))
        #expect(value == (try self.reference(text)))
    }

    static let declined: [String] = [
        #"{"x":1.5}"#, #"{"x":1e3}"#, #"{"x":-0}"#, #"{"x":01}"#, #"{"x":9223372036854775808}"#,
        #"{"x":-9223372036854775809}"#, #"{"x":1,}"#, #"{"x":[1,]}"#, #"{"x":1,"x":2}"#, #"{"x":"\u0000"}"#,
        #"{"x":"\ud800"}"#, #"{"x":"\udc00x"}"#, "{\"x\":\"a\tb\"}", #"[1]"#, #"{} x"#, #"{"x":"\x"}"#, #"{"x":"#,
        #"{"x" 1}"#, #"{x:1}"#, #"{"x":tru}"#, #"{"x":"unterminated}"#, "\u{FEFF}{}", #"{"x":+1}"#,
        #"{"x":nul}"#, #"{"x":1}}"#, #"{"x":true}x"#, #"{"x":[1 2]}"#,
    ]

    @Test(arguments: Self.declined)
    func declinesWhatItIsNotSureToReadAsFoundationDoes(_ text: String) {
        let value = self.decode(text)
        #expect(value == Optional<JSONValue>.none, "\(String(describing: value))")
    }

    @Test func declinesInvalidUTF8InAString() {
        let bytes: [UInt8] = Array(#"{"x":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let value = bytes.withUnsafeBufferPointer { JSONLineDecoder.decode($0, maximumDepth: 16) }
        #expect(value == Optional<JSONValue>.none)
    }

    @Test func nestsAsDeepAsTheSyntaxCheckAllowsAndNoDeeper() throws {
        let deepest = String(repeating: #"{"a":"#, count: 16) + "1" + String(repeating: "}", count: 16)
        let tooDeep = String(repeating: #"{"a":"#, count: 17) + "1" + String(repeating: "}", count: 17)
        #expect(throws: Never.self) { try JSONSyntaxCheck.check(deepest.utf8, maximumDepth: 16) }
        #expect(throws: JSONSyntaxCheck.Violation.self) { try JSONSyntaxCheck.check(tooDeep.utf8, maximumDepth: 16) }
        #expect(self.decode(deepest) == (try self.reference(deepest)))
        #expect(self.decode(tooDeep) == Optional<JSONValue>.none)
    }

    @Test func everyFixtureLineReadsToTheSameRecordOnBothPaths() throws {
        let parser = GraphRecordParser()
        var fast = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.graph.path)
        for name in names where name.hasSuffix(".jsonl") {
            let text = try String(contentsOf: Fixtures.graph.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
                let slow = try parser.parse(String(line))
                let located = try Array(line.utf8).withUnsafeBufferPointer {
                    try GraphLoader.parse($0, parser: parser, file: name, line: 1)
                }
                #expect(located?.record == slow)
                if let value = self.decode(String(line)) {
                    fast += 1
                    #expect(try parser.parse(value) == slow)
                }
            }
        }
        #expect(fast > 30)
    }

    @Test func errorsFromEitherPathNameTheFileAndLine() throws {
        let parser = GraphRecordParser()
        for (text, message) in [
            (#"{"record":"document","id":"d","title":"t","lines":0}"#, "lines: must be at least 1"),
            (#"{"record":"document","id":"d","title":"t","lines":1,}"#, "not valid JSON"),
        ] {
            let error = #expect(throws: GraphLoadError.self) {
                try Array(text.utf8).withUnsafeBufferPointer {
                    try GraphLoader.parse($0, parser: parser, file: "G/f", line: 7)
                }
            }
            #expect(error?.file == "G/f")
            #expect(error?.line == 7)
            #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        }
    }
}
