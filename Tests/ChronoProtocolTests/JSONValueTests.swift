import ChronoProtocol
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func roundTripsEveryKindWithSortedKeys() throws {
        let text = #"{"a":[1,2.5,"x",true,null],"b":{"c":-7},"d":9007199254740993}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["d"] == .int(9_007_199_254_740_993))
        #expect(value["a"]?.arrayValue?[1] == .double(2.5))
        #expect(value["b"]?["c"]?.intValue == -7)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let again = try encoder.encode(value)
        #expect(String(decoding: again, as: UTF8.self) == text)
    }

    @Test func theWireFormIsStableThroughTheParser() throws {
        let text = #"{"a":[1,2.5,"x/y",true,null],"b":{"c":-7,"é":"\n"},"d":9007199254740993}"#
        let value = try JSONParser.parse(text, maximumDepth: 8)
        #expect(value.canonicalText == text)
        #expect(try JSONValue(writing: value) == value)
        let unsorted = try JSONParser.parse(#"{"b":{"é":1,"c":2.0},"a":[]}"#, maximumDepth: 8)
        #expect(unsorted.canonicalText == #"{"a":[],"b":{"c":2,"é":1}}"#)
    }

    @Test func accessorsRefuseOtherKinds() {
        #expect(JSONValue.string("1").intValue == nil)
        #expect(JSONValue.double(1.5).intValue == nil)
        #expect(JSONValue.int(3).stringValue == nil)
        #expect(JSONValue.null["key"] == nil)
    }
}
