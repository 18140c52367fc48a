import NIOConcurrencyHelpers
public import Testing

/// Runs a heavy suite alone among heavy suites: one at a time in the test process, while light suites run
/// beside it.
///
/// Heavy means it starts servers or processes, pushes megabytes through sockets, opens hundreds of
/// connections, or keeps a core busy for seconds. Swift Testing starts every suite at once; on a two-core
/// machine a dozen live servers started together starve each other's clients and timers, and tests then fail
/// on time limits and idle timeouts that hold on any machine when they run alone. The wait for the turn
/// happens at suite scope, outside every test's time limit (which Swift Testing applies per test case).
///
/// When the suite ends, any child process its tests left running is killed and recorded as an issue.
public struct HeavySuiteTrait: SuiteTrait, TestScoping {
    public var isRecursive: Bool { false }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        test.isSuite && testCase == nil ? self : nil
    }

    public func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        await HeavySuiteTurns.shared.begin()
        defer { HeavySuiteTurns.shared.end() }
        let owner = test.id.description
        defer {
            let left = ChildProcesses.killAll(startedBy: owner)
            if !left.isEmpty {
                Issue.record("the suite left processes running (now killed): \(left.joined(separator: ", "))")
            }
        }
        try await ChildProcesses.$owner.withValue(owner) { try await function() }
    }
}

extension Trait where Self == HeavySuiteTrait {
    /// The suite is heavy: it runs alone among heavy suites (`HeavySuiteTrait`).
    public static var heavy: Self { Self() }
}

/// The turn of heavy suites: first come, first served, one at a time.
final class HeavySuiteTurns: Sendable {
    static let shared = HeavySuiteTurns()

    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = NIOLockedValueBox(State())

    /// Returns when it is the caller's turn.
    func begin() async {
        await withCheckedContinuation { continuation in
            let now = self.state.withLockedValue { state -> Bool in
                if state.busy {
                    state.waiting.append(continuation)
                    return false
                }
                state.busy = true
                return true
            }
            if now { continuation.resume() }
        }
    }

    /// Hands the turn to the next waiting suite.
    func end() {
        let next = self.state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.busy = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
