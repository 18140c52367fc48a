import ChronoProtocol
import ChronoServer
import Testing

@Suite struct ParamsTests {
    private enum Direction: String, CaseIterable { case out, `in`, both }

    @Test func rejectsUnknownParametersByName() {
        #expect(throws: ChronoError.invalidArgument("params.colour: unknown parameter (expected limit, text)")) {
            _ = try Params(["colour": "red"], allowed: ["text", "limit"])
        }
        #expect(throws: ChronoError.invalidArgument("params.x: unknown parameter (expected no parameters)")) {
            _ = try Params(["x": 1], allowed: [])
        }
    }

    @Test func namesTheFieldAndTheValueOnATypeMismatch() throws {
        let params = try Params(
            ["limit": "ten", "kinds": ["law", 3], "text": 5],
            allowed: ["limit", "kinds", "text"]
        )
        #expect(throws: ChronoError.invalidArgument(#"params.limit: expected an integer, got "ten""#)) {
            _ = try params.int("limit", in: 1...500, default: 50)
        }
        #expect(throws: ChronoError.invalidArgument("params.kinds[1]: expected a string, got 3")) {
            _ = try params.strings("kinds")
        }
        #expect(throws: ChronoError.invalidArgument("params.text: expected a string, got 5")) {
            _ = try params.string("text")
        }
    }

    @Test func enforcesRangesAndDefaults() throws {
        let params = try Params(["depth": 9, "k": .null], allowed: ["depth", "k", "limit"])
        #expect(throws: ChronoError.invalidArgument("params.depth: must be between 1 and 6, got 9")) {
            _ = try params.int("depth", in: 1...6, default: 1)
        }
        #expect(try params.int("k", in: 1...10, default: 1) == 1)
        #expect(try params.int("limit", in: 1...10, default: 7) == 7)
    }

    @Test func readsChoicesAndRequiredStrings() throws {
        let params = try Params(["direction": "in", "bad": "up", "id": "  "], allowed: ["direction", "bad", "id"])
        #expect(try params.choice("direction", as: Direction.self) == .in)
        #expect(throws: ChronoError.invalidArgument(#"params.bad: expected one of out, in, both, got "up""#)) {
            _ = try params.choice("bad", as: Direction.self)
        }
        #expect(throws: ChronoError.invalidArgument("params.id: must not be empty")) {
            _ = try params.requiredString("id")
        }
        #expect(throws: ChronoError.invalidArgument("params.name: missing")) {
            _ = try params.requiredString("name")
        }
    }
}
