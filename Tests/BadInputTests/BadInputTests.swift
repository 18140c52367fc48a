import ChronoProtocol
import ChronoTesting
import Testing

/// Issue 8, item 1: every case of the bad-input corpus, sent to a live server, gets the right status; the
/// connection and the daemon keep serving; nothing is written. Over plain TCP and over TLS (issue 14).
@Suite(.heavy, .timeLimit(.minutes(2))) struct BadInputTests {
    /// What one case got back, collected first and checked afterwards.
    private struct Answer: Sendable {
        var testCase: BadInputCase
        var response: Response?
        var closed: Bool
    }

    @Test func corpusHasAtLeastTwoHundredDistinctCases() throws {
        let cases = try BadInputCorpus.load()
        #expect(cases.count >= 200)
        #expect(Set(cases.map(\.name)).count == cases.count)
        for testCase in cases {
            #expect(try !testCase.bytes().contains(UInt8(ascii: "\n")), "\(testCase) must be a single line")
        }
    }

    @Test(arguments: [false, true]) func everyCaseGetsItsStatusAndNothingIsWritten(overTLS: Bool) async throws {
        let cases = try BadInputCorpus.load()
        let tls = overTLS ? try await CorpusTLS.make() : nil
        defer { tls?.remove() }
        let client = tls?.client
        try await CorpusServer.with(tls: tls?.server) { port in
            let (before, shared, after, healthAfter) = try await RawConnection.with(port: port, tls: client) {
                connection in
                let before = try await connection.call(id: "stats-before", method: .statsGet)
                var answers: [Answer] = []
                for testCase in cases where testCase.alone != true {
                    try await connection.send(line: try testCase.bytes())
                    let answer = try await connection.nextTerminal()
                    answers.append(Answer(testCase: testCase, response: answer?.response, closed: answer == nil))
                    if answer == nil { break }
                }
                let health = try await connection.call(id: "health-after", method: .healthCheck)
                let after = try await connection.call(id: "stats-after", method: .statsGet)
                return (before, answers, after, health)
            }
            var answers = shared
            for testCase in cases where testCase.alone == true {
                let answer = try await RawConnection.with(port: port, tls: client) { connection in
                    try await connection.send(line: try testCase.bytes())
                    let response = try await connection.nextTerminal()?.response
                    return Answer(testCase: testCase, response: response, closed: await connection.isClosedByServer())
                }
                answers.append(answer)
            }
            let fresh = try await RawConnection.with(port: port, tls: client) { connection in
                try await connection.call(id: "fresh", method: .statsGet)
            }

            #expect(answers.count == cases.count, "the connection closed before every case was answered")
            for answer in answers {
                Self.check(answer)
            }
            #expect(healthAfter?.status == .ok, "the shared connection must still serve a good call")
            let beforeResult = try #require(before?.result)
            #expect(after?.result == beforeResult, "Stats/Get changed: something was written")
            #expect(fresh?.status == .ok, "the daemon must still serve a fresh connection")
            #expect(fresh?.result == beforeResult)
        }
    }

    @Test func duplicateInFlightIdIsRejectedAndTheFirstCallStillAnswers() async throws {
        try await CorpusServer.with { port in
            let (rejected, stopped, reused) = try await RawConnection.with(port: port) { connection in
                // A subscription runs until it is cancelled, so the second line, sent in the same write, surely
                // arrives while the first call is in flight.
                let subscribe =
                    #"{"id":"dup","method":"chrono.v1.Watch/Subscribe","params":"#
                    + #"{"query":{"method":"chrono.v1.Stats/Get","params":{}}}}"#
                let again = #"{"id":"dup","method":"chrono.v1.Health/Check"}"#
                try await connection.send(line: Array((subscribe + "\n" + again).utf8))
                let rejected = try await connection.nextTerminal()?.response
                let cancel = #"{"id":"cancel","method":"chrono.v1.Call/Cancel","params":{"id":"dup"}}"#
                try await connection.send(line: Array(cancel.utf8))
                var stopped: [RequestID: StatusCode] = [:]
                while stopped.count < 2, let answer = try await connection.nextTerminal() {
                    stopped[answer.response.id ?? .int(-1)] = answer.response.status
                }
                let reused = try await connection.call(id: "dup", method: .healthCheck)
                return (rejected, stopped, reused?.status)
            }
            #expect(rejected?.id == "dup")
            #expect(rejected?.status == .alreadyExists)
            #expect(stopped == ["cancel": .ok, "dup": .cancelled], "the first call still answers, once stopped")
            #expect(reused == .ok, "once the call has ended its id may be reused")
        }
    }

    /// Checks one answer; a case marked with a known issue is expected to fail its checks until the bug is fixed.
    private static func check(_ answer: Answer) {
        if let issue = answer.testCase.knownIssue {
            withKnownIssue("\(answer.testCase): \(issue)") {
                Self.checkStatus(answer)
            }
        } else {
            Self.checkStatus(answer)
        }
    }

    private static func checkStatus(_ answer: Answer) {
        let testCase = answer.testCase
        guard let response = answer.response else {
            Issue.record("\(testCase): no answer (connection closed)")
            return
        }
        #expect(response.status == testCase.status, "\(testCase): \(response.message ?? "")")
        #expect(response.id == testCase.expectedID, "\(testCase): answered with id \(String(describing: response.id))")
        if let fragment = testCase.message {
            #expect(
                response.message?.contains(fragment) == true,
                "\(testCase): message \(response.message ?? "none") lacks \(fragment)"
            )
        }
        if testCase.status != .ok {
            #expect(response.message?.isEmpty == false, "\(testCase): an error must say what was wrong")
        }
        if testCase.alone == true {
            #expect(answer.closed, "\(testCase): the server must close the connection after the answer")
        }
    }
}
