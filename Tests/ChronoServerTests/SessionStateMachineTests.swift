import ChronoProtocol
import ChronoServer
import Testing

@Suite struct SessionStateMachineTests {
    @Test func startsCallsAndRejectsADuplicateIdInFlight() {
        var machine = SessionStateMachine(maximumCallsInFlight: 4)
        #expect(machine.receive(id: 1) == .start)
        guard case .reject(let error) = machine.receive(id: 1) else {
            Issue.record("duplicate id was accepted")
            return
        }
        #expect(error.code == .alreadyExists)
        #expect(error.message.hasPrefix("id: 1"))
        #expect(machine.callsInFlight == [1])
        _ = machine.finish(id: 1)
        #expect(machine.receive(id: 1) == .start)
    }

    @Test func rejectsCallsBeyondTheLimitWithResourceExhausted() {
        var machine = SessionStateMachine(maximumCallsInFlight: 2)
        #expect(machine.receive(id: "a") == .start)
        #expect(machine.receive(id: "b") == .start)
        guard case .reject(let error) = machine.receive(id: "c") else {
            Issue.record("third call was accepted")
            return
        }
        #expect(error.code == .resourceExhausted)
        _ = machine.finish(id: "a")
        #expect(machine.receive(id: "c") == .start)
    }

    @Test func stopReasonDecidesTheReportedStatus() {
        var machine = SessionStateMachine(maximumCallsInFlight: 8)
        for id: RequestID in [1, 2, 3, 4] { #expect(machine.receive(id: id) == .start) }
        #expect(machine.stop(id: 1, reason: .cancelled) == .cancelTask)
        #expect(machine.stop(id: 1, reason: .deadlineExceeded) == .none)
        #expect(machine.stop(id: 2, reason: .deadlineExceeded) == .cancelTask)
        #expect(machine.stop(id: 9, reason: .cancelled) == .none)
        #expect(machine.finish(id: 1).override?.code == .cancelled)
        #expect(machine.finish(id: 2).override?.code == .deadlineExceeded)
        let plain = machine.finish(id: 3)
        #expect(plain.override == nil)
        #expect(plain.report)
        #expect(machine.stop(id: 4, reason: .connectionClosed) == .cancelTask)
        #expect(machine.finish(id: 4).report == false)
    }

    @Test func drainingRefusesNewCallsAndClosesAfterTheLastOne() {
        var machine = SessionStateMachine(maximumCallsInFlight: 8)
        #expect(machine.receive(id: 1) == .start)
        #expect(machine.receive(id: 2) == .start)
        #expect(machine.drain() == .waitForCalls)
        #expect(machine.isDraining)
        #expect(machine.drain() == .none)
        guard case .reject(let error) = machine.receive(id: 3) else {
            Issue.record("call accepted while draining")
            return
        }
        #expect(error.code == .unavailable)
        #expect(machine.finish(id: 1).closeConnection == false)
        #expect(machine.stopAll(reason: .shutdown) == [2])
        let last = machine.finish(id: 2)
        #expect(last.override?.code == .unavailable)
        #expect(last.closeConnection)
    }

    @Test func idleConnectionClosesAtOnceWhenDraining() {
        var machine = SessionStateMachine(maximumCallsInFlight: 1)
        #expect(machine.drain() == .closeNow)
        #expect(machine.receive(id: 1) != .start)
    }

    @Test func connectionLossStopsEveryCallSilently() {
        var machine = SessionStateMachine(maximumCallsInFlight: 4)
        #expect(machine.receive(id: 1) == .start)
        #expect(machine.receive(id: 2) == .start)
        #expect(Set(machine.connectionClosed()) == [1, 2])
        #expect(machine.finish(id: 1).report == false)
        #expect(machine.receive(id: 5) != .start)
    }

    @Test func anInlineCallIsInFlightLikeAnyOther() {
        var machine = SessionStateMachine(maximumCallsInFlight: 2)
        #expect(machine.receive(id: 1) == .start)
        guard case .reject(let duplicate) = machine.receive(id: 1, inline: true) else {
            Issue.record("an inline call reused the id of a call in flight")
            return
        }
        #expect(duplicate.code == .alreadyExists)
        #expect(machine.receive(id: 2, inline: true) == .start)
        #expect(machine.callsInFlight == [1, 2])
        guard case .reject(let full) = machine.receive(id: 3) else {
            Issue.record("the inline call was not counted against the limit")
            return
        }
        #expect(full.code == .resourceExhausted)
        let inline = machine.finish(id: 2)
        #expect(inline.report)
        #expect(inline.override == nil)
        #expect(machine.callsInFlight == [1])
        #expect(machine.receive(id: 2, inline: true) == .start)
        #expect(machine.finish(id: 2).report)
    }

    @Test func anInlineCallThatGoesOnInATaskStaysInFlightWithItsStop() {
        var machine = SessionStateMachine(maximumCallsInFlight: 2)
        #expect(machine.receive(id: 1, inline: true) == .start)
        machine.continueInTask(id: 1)
        #expect(machine.callsInFlight == [1])
        // The inline slot is free again, and the call still counts against the limit.
        #expect(machine.receive(id: 2, inline: true) == .start)
        guard case .reject(let full) = machine.receive(id: 3) else {
            Issue.record("the call that went on in a task was not counted against the limit")
            return
        }
        #expect(full.code == .resourceExhausted)
        #expect(machine.finish(id: 2).report)

        // Stopped while it ran inline: the task it goes on in ends with the stop's status.
        #expect(machine.receive(id: 4, inline: true) == .start)
        #expect(machine.stop(id: 4, reason: .deadlineExceeded) == .cancelTask)
        machine.continueInTask(id: 4)
        #expect(machine.stopReason(id: 4) == .deadlineExceeded)
        #expect(machine.finish(id: 4).override?.code == .deadlineExceeded)
        #expect(machine.finish(id: 1).override == nil)
        #expect(machine.callsInFlight.isEmpty)
    }

    @Test func drainingWaitsForAnInlineCallAndShutdownStopsIt() {
        var machine = SessionStateMachine(maximumCallsInFlight: 4)
        #expect(machine.receive(id: "quick", inline: true) == .start)
        #expect(machine.drain() == .waitForCalls)
        #expect(machine.stopAll(reason: .shutdown) == ["quick"])
        #expect(machine.stopReason(id: "quick") == .shutdown)
        let last = machine.finish(id: "quick")
        #expect(last.override?.code == .unavailable)
        #expect(last.closeConnection)
    }

    @Test func anInlineCallOnALostConnectionReportsNothing() {
        var machine = SessionStateMachine(maximumCallsInFlight: 4)
        #expect(machine.receive(id: 7, inline: true) == .start)
        #expect(machine.connectionClosed() == [7])
        #expect(machine.finish(id: 7).report == false)
    }
}
