import ChronoProtocol
import ChronoTesting
import Testing

@Suite struct JSONObjectReaderTests {
    private enum Direction: String, CaseIterable { case out, `in`, both }

    private static func params(_ members: [String: JSONValue]) -> JSONObjectReader {
        JSONObjectReader(members, path: "params")
    }

    @Test func rejectsUnknownParametersByName() {
        #expect(
            thrownStatus { try Self.params(["colour": "red"]).rejectUnknown(expecting: ["limit", "text"]) }
                == ChronoError.invalidArgument("params.colour: unknown parameter (expected limit, text)")
        )
        #expect(
            thrownStatus { try Self.params(["x": 1]).rejectUnknown(expecting: []) }
                == ChronoError.invalidArgument("params.x: unknown parameter (expected no parameters)")
        )
    }

    @Test func namesTheFieldAndTheValueOnATypeMismatch() throws {
        var params = Self.params(["limit": "ten", "kinds": ["law", 3], "text": 5])
        #expect(
            thrownStatus { _ = try params.int("limit", in: 1...500, default: 50) }
                == ChronoError.invalidArgument(#"params.limit: expected an integer, got "ten""#)
        )
        #expect(
            thrownStatus { _ = try params.strings("kinds") }
                == ChronoError.invalidArgument("params.kinds[1]: expected a string, got 3")
        )
        #expect(
            thrownStatus { _ = try params.optionalString("text", allowEmpty: true) }
                == ChronoError.invalidArgument("params.text: expected a string, got 5")
        )
    }

    @Test func enforcesRangesAndDefaults() throws {
        var params = Self.params(["depth": 9, "k": .null])
        #expect(
            thrownStatus { _ = try params.int("depth", in: 1...6, default: 1) }
                == ChronoError.invalidArgument("params.depth: must be between 1 and 6, got 9")
        )
        #expect(try params.int("k", in: 1...10, default: 1) == 1)
        #expect(try params.int("limit", in: 1...10, default: 7) == 7)
    }

    @Test func readsChoicesAndRequiredStrings() throws {
        var params = Self.params(["direction": "in", "bad": "up", "id": "  "])
        #expect(try params.choice("direction", as: Direction.self) == .in)
        #expect(
            thrownStatus { _ = try params.choice("bad", as: Direction.self) }
                == ChronoError.invalidArgument(#"params.bad: expected one of out, in, both, got "up""#)
        )
        #expect(
            thrownStatus { _ = try params.string("id") } == ChronoError.invalidArgument("params.id: must not be empty")
        )
        #expect(thrownStatus { _ = try params.string("name") } == ChronoError.invalidArgument("params.name: missing"))
    }

    @Test func carriesThePathIntoNestedObjects() throws {
        let value: JSONValue = ["window": ["from": 3, "colour": "red"]]
        var params = try JSONObjectReader(value, path: "params")
        var window = try JSONObjectReader(try params.required("window"), path: params.pathOf("window"))
        #expect(
            thrownStatus { _ = try window.optionalString("from") }
                == ChronoError.invalidArgument("params.window.from: expected a string, got 3")
        )
        #expect(
            thrownStatus { try window.finish() } == ChronoError.invalidArgument("params.window.colour: unknown field")
        )
        #expect(
            thrownStatus { _ = try JSONObjectReader([1], path: "params") }
                == ChronoError.invalidArgument("params: expected an object, got an array")
        )
    }
}
