import ChronoProtocol
import Foundation
import Testing

@Suite struct RequestParsingTests {
    private func parse(_ text: String) throws(RequestLineError) -> Request {
        try Request.parse(line: Data(text.utf8))
    }

    private func failure(_ text: String) -> RequestLineError? {
        do {
            _ = try self.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesAFullRequest() throws {
        let request = try self.parse(
            #"{"id":7,"method":"chrono.v1.Health/Check","params":{"a":1},"deadline_ms":250,"metadata":{"k":"v"}}"#
        )
        #expect(request.id == .int(7))
        #expect(request.method == "chrono.v1.Health/Check")
        #expect(request.params == ["a": .int(1)])
        #expect(request.deadlineMilliseconds == 250)
        #expect(request.metadata == ["k": "v"])
    }

    @Test func acceptsStringIdsAndMissingParams() throws {
        let request = try self.parse(#"{"id":"abc","method":"m"}"#)
        #expect(request.id == .string("abc"))
        #expect(request.params.isEmpty)
        #expect(request.deadlineMilliseconds == nil)
    }

    @Test func rejectsMalformedJSONWithoutAnId() {
        let error = self.failure("not json")
        #expect(error?.id == nil)
        #expect(error?.error.code == .invalidArgument)
        #expect(error?.error.message.contains("not valid JSON") == true)
    }

    @Test func rejectsInvalidUTF8() throws {
        var bytes = Data(#"{"id":1,"method":"m","params":{"text":""#.utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(contentsOf: Data(#""}}"#.utf8))
        #expect(throws: RequestLineError.self) { try Request.parse(line: bytes) }
        do {
            _ = try Request.parse(line: bytes)
        } catch {
            #expect(error.error.message.contains("UTF-8"))
        }
    }

    @Test func rejectsNonObjects() {
        let error = self.failure("[1,2]")
        #expect(error?.id == nil)
        #expect(error?.error.message == "request: expected a JSON object, got an array")
    }

    @Test func namesTheMissingOrWrongField() {
        #expect(self.failure(#"{"method":"m"}"#)?.error.message == "id: missing")
        #expect(self.failure(#"{"id":true,"method":"m"}"#)?.error.message.hasPrefix("id: expected") == true)
        let missingMethod = self.failure(#"{"id":4}"#)
        #expect(missingMethod?.id == .int(4))
        #expect(missingMethod?.error.message == "method: missing")
        #expect(self.failure(#"{"id":4,"method":3}"#)?.error.message == "method: expected a string, got 3")
        let cases: [(line: String, message: String)] = [
            (#"{"id":4,"method":"m","params":[]}"#, "params: expected an object, got an array"),
            (#"{"id":4,"method":"m","deadline_ms":"x"}"#, #"deadline_ms: expected an integer, got "x""#),
            (#"{"id":4,"method":"m","deadline_ms":0}"#, "deadline_ms: must be between 1 and 86400000, got 0"),
            (#"{"id":4,"method":"m","metadata":{"a":1}}"#, "metadata.a: expected a string, got 1"),
            (
                #"{"id":4,"method":"m","extra":1}"#,
                "extra: unknown field (expected id, method, params, deadline_ms, metadata)"
            ),
        ]
        for (line, message) in cases {
            let error = self.failure(line)
            #expect(error?.id == .int(4))
            #expect(error?.error.message == message)
        }
    }
}
