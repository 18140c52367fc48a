import ChronoClient
import ChronoProtocol
import ChronoServer
import ChronoTesting
import Foundation
import Testing

/// Methods with a quick handler (`MethodDescriptor.quickHandler`) over a real connection: what the quick
/// handler answers is the call's answer, or its error; a call it declines runs its handler in a task, and a
/// deadline that passed while it was tried ends that task.
@Suite(.heavy, .timeLimit(.minutes(1))) struct QuickCallsTests {
    /// The way a test method answered.
    private static func way(_ text: String) -> MethodResult { MethodResult(JSONValue.object(["way": .string(text)])) }

    /// A method whose quick handler does `quick` and whose task handler answers "in a task".
    private static func method(
        _ name: MethodName,
        quick: @escaping MethodDescriptor.QuickHandler
    ) -> MethodDescriptor {
        var descriptor = MethodDescriptor(name, schema: "test") { _ in
            try await Task.sleep(for: .milliseconds(300))
            return Self.way("in a task")
        }
        descriptor.quickHandler = quick
        return descriptor
    }

    private static let dispatcher = Dispatcher(
        methods: [
            Self.method(.statsGet) { _ in Self.way("at once") },
            Self.method(.entityGet) { _ in nil },
            Self.method(.figuresList) { _ in throw ChronoError.invalidArgument("params.x: refused at once") },
            Self.method(.disputesList) { _ in
                Thread.sleep(forTimeInterval: 0.05)
                return nil
            },
        ],
        currentRevision: { 1 }
    )

    @Test func theQuickAnswerTheDeclinedTaskAndTheQuickError() async throws {
        try await withServer(Self.dispatcher) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let atOnce = try await client.call(.statsGet)
            let declined = try await client.call(.entityGet)
            let refused = try await client.call(.figuresList)
            try await client.close()
            #expect(atOnce.result == ["way": "at once"])
            #expect(declined.result == ["way": "in a task"])
            #expect(refused.status == .invalidArgument)
            #expect(refused.message == "params.x: refused at once")
        }
    }

    @Test func aDeadlineThatPassedWhileTriedEndsTheTask() async throws {
        try await withServer(Self.dispatcher) { port in
            let client = try await ChronoClient.connect(host: "127.0.0.1", port: port)
            let started = ContinuousClock.now
            let late = try await client.call(.disputesList, deadline: .milliseconds(10))
            let elapsed = ContinuousClock.now - started
            let next = try await client.call(.statsGet)
            try await client.close()
            #expect(late.status == .deadlineExceeded)
            #expect(elapsed < .milliseconds(300), "the task ran to its end: \(elapsed)")
            #expect(next.result == ["way": "at once"])
        }
    }
}
