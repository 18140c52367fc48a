public import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program a test runs (the built `chronod` or `chrono`, `gzip`, `dot`): started with pipes for its output,
/// signalled by its own PID only, and never left running.
///
/// Invariants:
/// - nothing here blocks the cooperative pool (one thread per core): output is read by a thread per pipe and the
///   exit arrives through the termination handler;
/// - every wait is bounded: past its limit the child gets `SIGKILL`, and so does a child whose waiting task is
///   cancelled (a failed test, a time limit);
/// - a child is listed in `ChildProcesses` from its launch until its exit has been seen, so a suite that
///   leaves one running is told so and the child killed (`HeavySuiteTrait`), and the test process kills what is
///   left when it exits or is interrupted; a test process killed outright takes its children with it (the
///   kernel's parent-death signal, `ChildProcesses`).
public final class ChildProcess: @unchecked Sendable {
    /// How a child ended and everything it wrote.
    public struct Output: Sendable {
        /// The exit status, or the signal that ended it.
        public var status: Int32
        /// Whether it exited by itself (`exit`) or was ended by a signal (`uncaughtSignal`).
        public var reason: Process.TerminationReason
        /// Everything it wrote to standard output.
        public var standardOutput: Data
        /// Everything it wrote to standard error.
        public var standardError: Data

        /// Standard output as UTF-8 text.
        public var stdout: String { String(decoding: self.standardOutput, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var stderr: String { String(decoding: self.standardError, as: UTF8.self) }
    }

    /// The child did not do what a test waited for within its limit.
    public struct Failure: Error, CustomStringConvertible {
        /// What was waited for, and what the child wrote to standard error meanwhile.
        public var description: String

        /// Creates a failure saying `description`.
        public init(description: String) {
            self.description = description
        }
    }

    private struct State {
        var stdout = Data()
        var stderr = Data()
        var openPipes = 2
        var exit: (status: Int32, reason: Process.TerminationReason)?
        var waiters: [@Sendable () -> Void] = []

        /// The output once the child has exited; what its pipes carried so far unless `complete` is required.
        func output(complete: Bool) -> Output? {
            guard let exit, self.openPipes == 0 || !complete else { return nil }
            return Output(
                status: exit.status,
                reason: exit.reason,
                standardOutput: self.stdout,
                standardError: self.stderr
            )
        }
    }

    /// The child's process id.
    public let pid: Int32
    /// The program's path, for messages.
    public let executable: String
    // `Process` is touched only while launching, before `self` is shared.
    private let process: Process
    private let state = NIOLockedValueBox(State())

    private init(process: Process, executable: String) {
        self.process = process
        self.executable = executable
        self.pid = process.processIdentifier
    }

    /// Starts `executable` with `arguments`; `environment` replaces the test's own when given. `input` is written
    /// to its standard input, which is then closed.
    public static func start(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        input: Data = Data()
    ) throws -> ChildProcess {
        let process = Process()
        ChildProcesses.configure(process, executable: executable, arguments: arguments)
        if let environment { process.environment = environment }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // The termination handler may run before `start` returns: it reaches the child through this box.
        let box = NIOLockedValueBox<ChildProcess?>(nil)
        let exited = NIOLockedValueBox<(Int32, Process.TerminationReason)?>(nil)
        process.terminationHandler = { process in
            let exit = (process.terminationStatus, process.terminationReason)
            let child = box.withLockedValue { child -> ChildProcess? in
                if child == nil { exited.withLockedValue { $0 = exit } }
                return child
            }
            child?.exited(status: exit.0, reason: exit.1)
        }
        try ChildProcesses.launch(process, name: executable)
        let child = ChildProcess(process: process, executable: executable)
        child.capture(stdout.fileHandleForReading, into: \.stdout)
        child.capture(stderr.fileHandleForReading, into: \.stderr)
        box.withLockedValue { $0 = child }
        if let exit = exited.withLockedValue({ $0 }) { child.exited(status: exit.0, reason: exit.1) }
        let writer = stdin.fileHandleForWriting
        DispatchQueue.global().async {
            if !input.isEmpty { try? writer.write(contentsOf: input) }
            try? writer.close()
        }
        return child
    }

    /// Runs `executable` to its end, killing it after `limit`.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        input: Data = Data(),
        limit: Duration = .seconds(60)
    ) async throws -> Output {
        try await self.start(executable, arguments, environment: environment, input: input).exit(within: limit)
    }

    /// Waits for the first line of standard output (without its newline).
    /// - Throws: `Failure` when the output ends or `limit` passes first; the child is then killed.
    public func firstLine(within limit: Duration) async throws -> String {
        let line = await self.wait(within: limit) { state -> String? in
            if let newline = state.stdout.firstIndex(of: UInt8(ascii: "\n")) {
                return String(decoding: state.stdout[..<newline], as: UTF8.self)
            }
            return nil
        }
        guard let line else {
            let output = await self.stop(SIGKILL, within: .seconds(5))
            throw Failure(
                description: "\(self.executable) printed no line within \(limit); stderr: \(output.stderr)"
            )
        }
        return line
    }

    /// Waits for the child to exit by itself, killing it after `limit`.
    public func exit(within limit: Duration) async throws -> Output {
        if let output = await self.finished(within: limit) { return output }
        let output = await self.stop(SIGKILL, within: .seconds(5))
        throw Failure(description: "\(self.executable) did not exit within \(limit); stderr: \(output.stderr)")
    }

    /// Sends `signal` and waits for the exit; after `limit` (or at once when the task is cancelled) sends
    /// `SIGKILL` and waits for that.
    public func stop(_ signal: Int32 = SIGTERM, within limit: Duration = .seconds(10)) async -> Output {
        self.send(signal)
        if let output = await self.finished(within: limit) { return output }
        self.send(SIGKILL)
        // SIGKILL cannot be caught: the exit follows. Waited for in a task of its own, which a cancellation of
        // this one does not reach.
        let output = await Task { await self.finished(within: .seconds(60)) }.value
        return output ?? Output(status: -1, reason: .uncaughtSignal, standardOutput: Data(), standardError: Data())
    }

    /// Waits for the exit, then briefly for the pipes to close (a grandchild that inherited them could hold them
    /// open), and returns the output; nil when the child is still running after `limit`.
    private func finished(within limit: Duration) async -> Output? {
        guard await self.wait(within: limit, for: { $0.exit.map { _ in true } }) != nil else { return nil }
        _ = await self.wait(within: .seconds(5), for: { $0.openPipes == 0 ? true : nil })
        return self.state.withLockedValue { $0.output(complete: false) }
    }

    /// Sends `signal` to the child while it runs.
    public func send(_ signal: Int32) {
        if self.state.withLockedValue({ $0.exit == nil }) { kill(self.pid, signal) }
    }

    /// Waits until `ready` returns a value, `limit` passes (nil) or the task is cancelled (the child is killed).
    private func wait<T: Sendable>(within limit: Duration, for ready: @escaping @Sendable (State) -> T?) async -> T? {
        let deadline = ContinuousClock.now + limit
        return await withTaskCancellationHandler {
            while !Task.isCancelled, ContinuousClock.now < deadline {
                await self.nextChange(until: deadline, unless: { ready($0) != nil })
                if let value = self.state.withLockedValue({ ready($0) }) { return value }
            }
            return self.state.withLockedValue { ready($0) }
        } onCancel: {
            self.send(SIGKILL)
        }
    }

    /// Returns at the next change of state (output, exit) or at `deadline`, or at once when `satisfied` holds:
    /// the check and the registration for the next change happen under one lock, so no change is missed.
    private func nextChange(
        until deadline: ContinuousClock.Instant,
        unless satisfied: @escaping @Sendable (State) -> Bool
    ) async {
        let once = NIOLockedValueBox<CheckedContinuation<Void, Never>?>(nil)
        let resume: @Sendable () -> Void = { once.withLockedValue { $0.take() }?.resume() }
        await withCheckedContinuation { continuation in
            once.withLockedValue { $0 = continuation }
            let now = self.state.withLockedValue { state -> Bool in
                if satisfied(state) { return true }
                state.waiters.append(resume)
                return false
            }
            if now {
                resume()
            } else {
                DispatchQueue.global().asyncAfter(deadline: .now() + (deadline - ContinuousClock.now).seconds) {
                    resume()
                }
            }
        }
    }

    private func changed(_ update: (inout State) -> Void) {
        let waiters = self.state.withLockedValue { state in
            update(&state)
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter() }
    }

    /// Reads `handle` to its end on a thread of its own: a blocking read costs neither the cooperative pool nor
    /// Dispatch's workers.
    private func capture(_ handle: FileHandle, into field: any WritableKeyPath<State, Data> & Sendable) {
        let reader = Thread {
            while true {
                let data = handle.availableData
                guard !data.isEmpty else { break }
                self.changed { $0[keyPath: field].append(data) }
            }
            self.changed { $0.openPipes -= 1 }
        }
        reader.name = "child output reader"
        reader.start()
    }

    private func exited(status: Int32, reason: Process.TerminationReason) {
        ChildProcesses.exited(self.pid)
        self.changed { $0.exit = (status, reason) }
    }
}

extension Duration {
    /// The duration in seconds, for Dispatch (never negative).
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = self.components
        return max(0, Double(seconds) + Double(attoseconds) / 1e18)
    }
}
