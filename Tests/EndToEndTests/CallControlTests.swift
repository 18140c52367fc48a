import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoTesting
import Testing

@Suite(.heavy, .timeLimit(.minutes(3))) struct CallControlTests {
    private static let health = #"{"id":"after","method":"chrono.v1.Health/Check"}"#
    private static let wholeTimeline = #"{"id":1,"method":"chrono.v1.Timeline/Stream","params":{}"#

    @Test func expiredDeadlineEndsTheCallWithDeadlineExceeded() async throws {
        try await withServer { port in
            let lines = [Self.wholeTimeline + #","deadline_ms":1}"#, Self.health]
            let outcome = try await RawConnection.exchange(port: port, lines: lines, count: 2, terminalOnly: true)
            let call = try #require(outcome.responses[1])
            #expect(call.status == .deadlineExceeded)
            #expect(call.message?.contains("deadline") == true)
            #expect(outcome.responses["after"]?.status == .ok)
        }
    }

    @Test func cancelEndsTheTargetWithCancelled() async throws {
        try await withServer { port in
            let lines = [
                Self.wholeTimeline + "}",
                #"{"id":2,"method":"chrono.v1.Call/Cancel","params":{"id":1}}"#,
                Self.health,
            ]
            let outcome = try await RawConnection.exchange(port: port, lines: lines, count: 3, terminalOnly: true)
            let target = try #require(outcome.responses[1])
            #expect(target.status == .cancelled)
            #expect(outcome.responses[2]?.result == ["cancelled": true])
            #expect(outcome.responses["after"]?.status == .ok)
            let afterTerminal = outcome.frames.drop { $0 != .terminal(target) }.dropFirst().contains { $0.id == 1 }
            #expect(afterTerminal == false)
        }
    }

    @Test func duplicateIdInFlightIsRejectedAndTheFirstCallContinues() async throws {
        try await withServer { port in
            let lines = [Self.wholeTimeline + "}", Self.wholeTimeline + "}", Self.health]
            let outcome = try await RawConnection.exchange(port: port, lines: lines, count: 3, terminalOnly: true)
            let answers = outcome.frames.compactMap { frame -> Response? in
                guard case .terminal(let response) = frame, response.id == 1 else { return nil }
                return response
            }
            #expect(Set(answers.map(\.status)) == [.alreadyExists, .ok])
            #expect(outcome.responses["after"]?.status == .ok)
        }
    }

    @Test func callsBeyondTheInFlightLimitAreResourceExhausted() async throws {
        try await withServer(configuration: .init(maximumCallsPerConnection: 1)) { port in
            let second = #"{"id":2,"method":"chrono.v1.Timeline/Stream","params":{}}"#
            let lines = [Self.wholeTimeline + "}", second]
            let outcome = try await RawConnection.exchange(port: port, lines: lines, count: 2, terminalOnly: true)
            #expect(outcome.responses[1]?.status == .ok)
            #expect(outcome.responses[2]?.status == .resourceExhausted)
            #expect(outcome.responses[2]?.message == "too many calls in flight on this connection (limit 1)")
        }
    }

    @Test func aShortStreamIsNotHeldBehindALongOneAndLinesStayWhole() async throws {
        try await withServer { port in
            // Every event in a long stream, then one year in a short one, on the same connection.
            let lines = [
                #"{"id":"a","method":"chrono.v1.Timeline/Stream","params":{"from":1900,"to":2019}}"#,
                #"{"id":"b","method":"chrono.v1.Timeline/Stream","params":{"from":1990,"to":1990}}"#,
            ]
            let outcome = try await RawConnection.exchange(port: port, lines: lines, count: 2, terminalOnly: true)
            let ids = outcome.frames.compactMap(\.id)
            let endOfB = try #require(ids.lastIndex(of: "b"))
            let endOfA = try #require(ids.lastIndex(of: "a"))
            #expect(outcome.responses["a"]?.status == .ok)
            #expect(outcome.responses["b"]?.status == .ok)
            // The streams run side by side: the short one ends while the long one, hundreds of frames longer,
            // is still streaming. (Served one after the other, b would end last; this holds unless b's one task
            // is starved for the whole of a's stream.)
            #expect(endOfB < endOfA)
            for id: RequestID in ["a", "b"] {
                let seqs = outcome.frames.compactMap { frame -> Int64? in
                    guard case .data(let data) = frame, data.id == id else { return nil }
                    return data.seq
                }
                #expect(seqs == Array(0..<Int64(seqs.count)))
                #expect(outcome.responses[id]?.result?["count"] == .int(Int64(seqs.count)))
            }
        }
    }

    @Test func wrongParamTypesAndUnknownParamsNameTheField() async throws {
        try await withServer { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let wrongType = try await client.call(.timelineQuery, params: ["limit": "ten"])
            let unknown = try await client.call(.entitySearch, params: ["text": "x", "colour": "red"])
            let outOfRange = try await client.call(.timelineQuery, params: ["limit": 0])
            let after = try await client.call(.healthCheck)
            try await client.close()
            #expect(wrongType.status == .invalidArgument)
            #expect(wrongType.message == #"params.limit: expected an integer, got "ten""#)
            #expect(unknown.status == .invalidArgument)
            #expect(unknown.message == "params.colour: unknown parameter (expected kinds, limit, text)")
            #expect(outOfRange.message == "params.limit: must be between 1 and 500, got 0")
            #expect(after.status == .ok)
        }
    }
}
