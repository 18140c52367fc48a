import ChronoProtocol
import Foundation
import Testing

@Suite struct FrameTests {
    @Test func terminalFrameRoundTripsWithSortedKeys() throws {
        let response = Response(id: .int(1), status: .ok, result: ["n": .int(2)], revision: 9)
        let line = Frame.terminal(response).encoded()
        #expect(String(decoding: line, as: UTF8.self) == #"{"id":1,"result":{"n":2},"revision":9,"status":"OK"}"#)
        #expect(try Frame.decode(line: line) == .terminal(response))
    }

    @Test func unreadableIdIsEncodedAsNull() throws {
        let response = Response(id: nil, error: .invalidArgument("request line is not valid JSON"), revision: 0)
        let value = try JSONDecoder().decode(JSONValue.self, from: Frame.terminal(response).encoded())
        #expect(value["id"] == .null)
        #expect(value["status"] == .string("INVALID_ARGUMENT"))
    }

    @Test func dataFramesAreRecognisedBySeq() throws {
        let frame = DataFrame(id: .string("s"), seq: 3, data: ["event": .string("e1")])
        let decoded = try Frame.decode(line: Frame.data(frame).encoded())
        #expect(decoded == .data(frame))
        #expect(decoded.id == .string("s"))
    }

    @Test func getThrowsTheCallsFailure() {
        let response = Response(id: .int(2), error: .notFound("entity \"x\" not found"), revision: 1)
        #expect(throws: ChronoError.notFound("entity \"x\" not found")) { try response.get() }
        #expect(response.error?.code == .notFound)
    }

    @Test func methodNamesFollowTheServiceSlashMethodForm() {
        for method in MethodName.allCases {
            #expect(method.rawValue.hasPrefix("chrono.v1."))
            #expect(method.rawValue.split(separator: "/").count == 2)
        }
        #expect(MethodName.allCases.filter(\.isStreaming) == [.timelineStream, .watchSubscribe, .snapshotExport])
    }
}
