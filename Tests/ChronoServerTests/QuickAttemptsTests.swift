import ChronoProtocol
import Testing

@testable import ChronoServer

/// `QuickAttempts`: a kind of read that keeps running past the budget, or whose calls take more than a third of
/// it, stops being tried on the event loop, and is tried again once its calls on the queues are small again;
/// kinds (methods, depths) are told apart.
@Suite struct QuickAttemptsTests {
    private static let budget = Duration.milliseconds(3)
    private static let over = Duration.milliseconds(5)
    private static let within = Duration.microseconds(200)

    @Test func aKindThatKeepsOverrunningIsSentToTheQueuesAndComesBackWhenItFits() {
        let attempts = QuickAttempts(methods: 2, budget: Self.budget)
        let kind = attempts.kind(method: 1, params: ["depth": 2])
        #expect(attempts.shouldTry(kind))
        var overruns = 0
        while attempts.shouldTry(kind) {
            attempts.record(kind, elapsed: Self.over)
            overruns += 1
        }
        // Skipped after a few overruns in a row, not the first one.
        #expect(overruns > 1 && overruns < 10, "\(overruns) overruns before it was skipped")
        var fits = 0
        while !attempts.shouldTry(kind) {
            attempts.record(kind, elapsed: Self.within)
            fits += 1
        }
        #expect(fits > 1 && fits < 100, "\(fits) calls that fit before it was tried again")
    }

    @Test func aKindWhoseCallsFitTheBudgetButAreNotSmallGoesToTheQueues() {
        let attempts = QuickAttempts(methods: 1, budget: Self.budget)
        let kind = attempts.kind(method: 0, params: ["depth": 2])
        var calls = 0
        while attempts.shouldTry(kind), calls < 1_000 {
            attempts.record(kind, elapsed: .microseconds(1_500))
            calls += 1
        }
        #expect(calls > 1 && calls < 100, "tried \(calls) times with every call taking half the budget")
        let small = attempts.kind(method: 0, params: ["depth": 1])
        for _ in 0..<1_000 { attempts.record(small, elapsed: .microseconds(900)) }
        #expect(attempts.shouldTry(small), "calls under a third of the budget")
    }

    @Test func aRareOverrunDoesNotStopTheAttempts() {
        let attempts = QuickAttempts(methods: 1, budget: Self.budget)
        let kind = attempts.kind(method: 0, params: [:])
        for call in 0..<1_000 {
            attempts.record(kind, elapsed: call % 20 == 0 ? Self.over : Self.within)
            #expect(attempts.shouldTry(kind), "skipped at call \(call) with one call in 20 overrunning")
        }
    }

    @Test func methodsAndDepthsAreToldApart() {
        let attempts = QuickAttempts(methods: 2, budget: Self.budget)
        let twoHops = attempts.kind(method: 0, params: ["depth": 2])
        for _ in 0..<20 { attempts.record(twoHops, elapsed: Self.over) }
        #expect(!attempts.shouldTry(twoHops))
        #expect(attempts.shouldTry(attempts.kind(method: 0, params: ["depth": 1])))
        #expect(attempts.shouldTry(attempts.kind(method: 0, params: [:])))
        #expect(attempts.shouldTry(attempts.kind(method: 1, params: ["depth": 2])))
        // Depths past 3, and below 0, share the end slots without trapping.
        let deep = attempts.kind(method: 1, params: ["depth": 99])
        for _ in 0..<20 { attempts.record(deep, elapsed: Self.over) }
        #expect(!attempts.shouldTry(attempts.kind(method: 1, params: ["depth": 3])))
        #expect(attempts.shouldTry(attempts.kind(method: 1, params: ["depth": -5])))
    }
}
