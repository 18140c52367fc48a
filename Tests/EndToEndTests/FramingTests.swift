import ChronoClient
import ChronoProtocol
import ChronoTesting
import Testing

@Suite(.heavy, .timeLimit(.minutes(1))) struct FramingTests {
    private static let health = #"{"id":99,"method":"chrono.v1.Health/Check"}"#

    @Test func badLinesGetAnErrorAndTheConnectionLivesOn() async throws {
        let cases: [(line: String, id: RequestID?, message: String)] = [
            ("not json", nil, "request line is not valid JSON: not true, false or null at byte 0"),
            ("[1,2]", nil, "request: expected a JSON object, got an array"),
            (#"{"method":"chrono.v1.Health/Check"}"#, nil, "id: missing"),
            (#"{"id":5}"#, 5, "method: missing"),
            (
                #"{"id":6,"method":"chrono.v1.Health/Check","params":{"verbose":true}}"#, 6,
                "params.verbose: unknown parameter (expected no parameters)"
            ),
        ]
        for (line, id, message) in cases {
            try await withServer { port in
                let outcome = try await RawConnection.exchange(port: port, lines: [line, Self.health], count: 2)
                let bad = try #require(outcome.frames.compactMap(Self.terminal).first { $0.id == id })
                #expect(bad.status == .invalidArgument)
                #expect(bad.message == message)
                #expect(outcome.responses[99]?.status == .ok)
            }
        }
    }

    @Test func unknownMethodIsUnimplemented() async throws {
        try await withServer { port in
            let line = #"{"id":"u","method":"chrono.v1.Nope/Nothing"}"#
            let outcome = try await RawConnection.exchange(port: port, lines: [line, Self.health], count: 2)
            let response = try #require(outcome.responses["u"])
            #expect(response.status == .unimplemented)
            #expect(response.message?.contains("chrono.v1.Nope/Nothing") == true)
            #expect(outcome.responses[99]?.status == .ok)
        }
    }

    @Test func invalidUTF8IsRejectedWithANullId() async throws {
        try await withServer { port in
            var bytes =
                Array(#"{"id":1,"method":"chrono.v1.Health/Check","x":""#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
            bytes += Array((Self.health + "\n").utf8)
            let outcome = try await RawConnection.exchange(port: port, bytes: bytes, count: 2)
            #expect(outcome.anonymous.first?.message == "request line is not valid UTF-8")
            #expect(outcome.responses[99]?.status == .ok)
        }
    }

    @Test func oversizeLineGetsResourceExhaustedThenClose() async throws {
        try await withServer { port in
            let bytes = Array(repeating: UInt8(ascii: "x"), count: ProtocolLimits.maximumLineLength + 10) + [10]
            let outcome = try await RawConnection.exchange(port: port, bytes: bytes, count: 1, checkClose: true)
            #expect(outcome.anonymous.first?.status == .resourceExhausted)
            #expect(outcome.closed)
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            #expect(try await client.call(.healthCheck).status == .ok)
            try await client.close()
        }
    }

    @Test func acceptsCRLFAndStringIds() async throws {
        try await withServer { port in
            let bytes = Array("{\"id\":\"a\",\"method\":\"chrono.v1.Health/Check\"}\r\n".utf8)
            let outcome = try await RawConnection.exchange(port: port, bytes: bytes, count: 1)
            #expect(outcome.responses["a"]?.status == .ok)
        }
    }

    @Test func pipelinedLinesAreAnsweredInTheirOrder() async throws {
        try await withServer { port in
            let ids: [RequestID] = [1, 0, -7, 999_999_999_999_999_999, "", "abc", "a b/c", "é", "\u{1}", 2]
            var lines: [String] = []
            for (index, id) in ids.enumerated() {
                let idText = String(decoding: try WireCoding.encode(id), as: UTF8.self)
                lines.append(
                    index.isMultiple(of: 2)
                        ? #"{"id":\#(idText),"method":"chrono.v1.Health/Check"}"#
                        : #" { "method" : "chrono.v1.Health/Check", "params" : {}, "id" : \#(idText) } "#
                )
            }
            lines.insert("not json", at: 4)
            var expected: [RequestID?] = ids
            expected.insert(nil, at: 4)
            let outcome = try await RawConnection.exchange(port: port, lines: lines, count: lines.count)
            #expect(outcome.frames.map { Self.terminal($0)?.id } == expected)
            #expect(outcome.frames.compactMap(Self.terminal).filter { $0.status == .ok }.count == ids.count)
        }
    }

    private static func terminal(_ frame: Frame) -> Response? {
        guard case .terminal(let response) = frame else { return nil }
        return response
    }
}
