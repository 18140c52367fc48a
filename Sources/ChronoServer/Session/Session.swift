import ChronoFraming
import ChronoProtocol
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// One client connection's calls: each request line is parsed on the event loop, a quick method is answered
/// there at once, and every other call runs in its own task and writes its frames when it has them.
///
/// Every frame is one whole line, so calls interleave only at line boundaries. Call bookkeeping lives in a
/// `SessionStateMachine` behind a lock, shared by the event loop and the calls' tasks.
final class Session: Sendable {
    private struct RunningCall {
        var task: Task<Void, Never>?
        var timer: Scheduled<Void>?
    }

    private struct State {
        var machine: SessionStateMachine
        var running: [RequestID: RunningCall] = [:]
    }

    private let channel: any Channel
    private let budget: OutputBudget
    private let calls: CallsInFlight
    private let dispatcher: Dispatcher
    private let configuration: ChronoServer.Configuration
    private let logger: Logger
    private let isLoopback: Bool
    private let state: NIOLockedValueBox<State>

    init(
        channel: any Channel,
        budget: OutputBudget,
        calls: CallsInFlight,
        dispatcher: Dispatcher,
        configuration: ChronoServer.Configuration,
        logger: Logger
    ) {
        self.channel = channel
        self.budget = budget
        self.calls = calls
        self.dispatcher = dispatcher
        self.configuration = configuration
        self.logger = logger
        self.isLoopback = channel.remoteAddress?.isLoopback ?? false
        self.state = NIOLockedValueBox(
            State(machine: SessionStateMachine(maximumCallsInFlight: configuration.maximumCallsPerConnection))
        )
    }

    // MARK: - On the event loop

    /// Takes one request line. Frames due at once (a refusal, or the answer of a method that runs inline) are
    /// written to `answers`, one line each, in order; any other call starts in its own task. Returns whether
    /// the connection should now close once the answers are out (a draining connection's last call ended
    /// inline).
    func handle(line: UnsafeRawBufferPointer, answers: inout WireWriter) -> Bool {
        self.calls.lineTaken()
        let request: Request
        do {
            request = try Request.parse(bytes: line)
        } catch {
            self.answer(failure: error.error, id: error.id, to: &answers)
            return false
        }
        // Only the id is kept apart: closures that captured the whole request copied it (4% of a pipelined
        // `Health/Check`).
        let id = request.id
        let method: RegisteredMethod
        do {
            method = try self.dispatcher.method(named: request.method)
        } catch {
            self.answer(failure: error, id: id, to: &answers)
            return false
        }
        let inline = method.descriptor.inlineHandler
        let quick = inline == nil ? method.descriptor.quickHandler : nil
        let received = self.state.withLockedValue {
            $0.machine.receive(id: id, inline: inline != nil || quick != nil)
        }
        if case .reject(let error) = received {
            self.answer(failure: error, id: id, to: &answers)
            return false
        }
        let deadline = request.deadlineMilliseconds.map { ContinuousClock.now + .milliseconds($0) }
        let started = ContinuousClock.now
        let outcome: Result<MethodResult, any Error>
        do {
            if let inline {
                outcome = .success(try inline(self.inlineContext(for: request, deadline: nil)))
            } else if let quick, let answer = try quick(self.inlineContext(for: request, deadline: deadline)) {
                outcome = .success(answer)
            } else {
                if quick != nil { self.state.withLockedValue { $0.machine.continueInTask(id: id) } }
                self.start(request, method, deadline: deadline, started: started)
                return false
            }
        } catch {
            outcome = .failure(error)
        }
        let action = self.state.withLockedValue { $0.machine.finish(id: id) }
        if action.report {
            let start = answers.count
            self.writeOutcome(id: id, method, outcome: outcome, action: action, started: started, to: &answers)
            self.endAnswer(in: &answers, from: start)
        }
        return action.closeConnection
    }

    /// The client closed its end: no more calls come; the connection closes once those in flight end.
    func inputClosed() {
        self.drain()
    }

    /// Writes the frame refusing a line longer than the protocol allows to `answers`; the caller sends the
    /// answers and closes.
    func refuseLineTooLong(answers: inout WireWriter) {
        let error = ChronoError.resourceExhausted(
            "request line exceeds the maximum of \(ProtocolLimits.maximumLineLength) bytes; closing connection"
        )
        self.answer(failure: error, id: nil, to: &answers)
    }

    /// Reserves room for a frame line of `bytes` in the connection's output bound; `false` when the client owes
    /// too much already, and the connection is then closed.
    func reserve(bytes: Int) -> Bool {
        guard self.budget.reserve(bytes) else {
            self.logger.info(
                "closing a connection that does not read its replies",
                metadata: ["pending_bytes": "\(self.budget.pendingBytes)", "limit": "\(self.budget.limit)"]
            )
            self.connectionLost()
            self.channel.close(promise: nil)
            return false
        }
        return true
    }

    // MARK: - From any thread

    /// Starts draining: no new calls; the connection closes once the calls in flight end.
    func drain() {
        if self.state.withLockedValue({ $0.machine.drain() }) == .closeNow {
            self.channel.closeAfterFlush()
        }
    }

    /// Ends the grace period of a drain: the calls still in flight end with `UNAVAILABLE`.
    func stopRemainingCalls() {
        self.state.withLockedValue { state in
            for id in state.machine.stopAll(reason: .shutdown) { state.running[id]?.task?.cancel() }
        }
    }

    /// The connection is gone: calls in flight are cancelled and report nothing.
    func connectionLost() {
        self.state.withLockedValue { state in
            for id in state.machine.connectionClosed() { state.running[id]?.task?.cancel() }
        }
    }

    // MARK: - Calls in their own tasks

    /// Runs a call in a task of its own; `started` is when the call was received (its time counts from then).
    private func start(
        _ request: Request,
        _ method: RegisteredMethod,
        deadline: ContinuousClock.Instant?,
        started: ContinuousClock.Instant
    ) {
        self.calls.started()
        let id = request.id
        let context = self.context(for: request, method.descriptor.name, deadline: deadline)
        self.state.withLockedValue { state in
            // Created under the lock, so the task cannot finish before it is on record.
            let task = Task(executorPreference: method.descriptor.executor?()) {
                let outcome: Result<MethodResult, any Error>
                do {
                    outcome = .success(try await method.descriptor.handler(context))
                } catch {
                    outcome = .failure(error)
                }
                self.finish(id: id, method, outcome: outcome, started: started)
            }
            let timer = deadline.map { deadline in
                self.channel.eventLoop.scheduleTask(in: TimeAmount(max(.zero, deadline - ContinuousClock.now))) {
                    _ = self.stop(id: id, reason: .deadlineExceeded)
                }
            }
            state.running[id] = RunningCall(task: task, timer: timer)
            // Stopped while it was tried inline, before it had a task to cancel.
            if state.machine.stopReason(id: id) != nil { task.cancel() }
        }
    }

    private func finish(
        id: RequestID,
        _ method: RegisteredMethod,
        outcome: Result<MethodResult, any Error>,
        started: ContinuousClock.Instant
    ) {
        let action = self.state.withLockedValue { state in
            state.running.removeValue(forKey: id)?.timer?.cancel()
            return state.machine.finish(id: id)
        }
        if action.report {
            self.write(
                self.outcomeFrame(id: id, method, outcome: outcome, action: action, started: started)
            )
        }
        self.calls.ended()
        self.logger.debug(
            "call ended",
            metadata: [
                "call": "\(id)",
                "method": "\(method.descriptor.name.rawValue)",
                "elapsed_ms": "\((ContinuousClock.now - started).wholeMilliseconds)",
                "stopped": "\(action.override?.code.rawValue ?? "no")",
            ]
        )
        if action.closeConnection { self.channel.closeAfterFlush() }
    }

    /// The connection's logger with the call's id and method. Made only when a call logs: StreamLogHandler
    /// formats its whole metadata again on every change, which cost a 1-hop call 5% of its instructions.
    private func logger(id: RequestID, method: MethodName) -> Logger {
        var logger = self.logger
        logger[metadataKey: "call"] = "\(id)"
        logger[metadataKey: "method"] = "\(method.rawValue)"
        return logger
    }

    private func context(
        for request: Request,
        _ method: MethodName,
        deadline: ContinuousClock.Instant?
    ) -> CallContext {
        let id = request.id
        let sequence = NIOLockedValueBox<Int64>(0)
        return CallContext(
            id: id,
            params: request.params,
            metadata: request.metadata,
            deadline: deadline,
            logger: self.logger(id: id, method: method),
            isLoopback: self.isLoopback,
            sendData: { data in try await self.sendData(data, id: id, sequence: sequence) },
            cancelCall: { target in self.stop(id: target, reason: .cancelled) }
        )
    }

    /// The context of a call that runs inline: it cannot stream (it ends before its first frame could go out).
    private func inlineContext(for request: Request, deadline: ContinuousClock.Instant?) -> CallContext {
        CallContext(
            id: request.id,
            params: request.params,
            metadata: request.metadata,
            deadline: deadline,
            logger: self.logger,
            isLoopback: self.isLoopback,
            sendData: { _ in throw ChronoError.internal() },
            cancelCall: { target in self.stop(id: target, reason: .cancelled) }
        )
    }

    private func sendData(
        _ data: any WireEncodable & Sendable,
        id: RequestID,
        sequence: NIOLockedValueBox<Int64>
    ) async throws {
        try Task.checkCancellation()
        guard self.state.withLockedValue({ $0.machine.stopReason(id: id) }) == nil else { throw CancellationError() }
        let seq = sequence.withLockedValue { value in
            defer { value += 1 }
            return value
        }
        let frame = try self.dispatcher.dataFrame(
            id: id,
            seq: seq,
            data: data,
            maximumBytes: self.configuration.maximumResultBytes
        )
        guard self.reserve(bytes: NewlineFrameEncoder.lineLength(of: frame)) else { throw CancellationError() }
        let written = self.channel.eventLoop.makePromise(of: Void.self)
        self.channel.writeAndFlush(self.line(frame), promise: written)
        // While the socket keeps up, frames go out without waiting; once it falls behind (the channel is
        // past its high-water mark), the stream waits for each frame, which slows it down to its reader.
        guard !self.channel.isWritable else { return }
        do {
            try await written.futureResult.get()
        } catch {
            self.logger.debug("write failed; connection is gone", metadata: ["error": "\(error)"])
            self.connectionLost()
            throw CancellationError()
        }
    }

    private func stop(id: RequestID, reason: SessionStateMachine.StopReason) -> Bool {
        self.state.withLockedValue { state in
            let found = state.machine.callsInFlight.contains(id)
            if state.machine.stop(id: id, reason: reason) == .cancelTask {
                state.running[id]?.task?.cancel()
            }
            return found
        }
    }

    // MARK: - Frames

    /// The terminal frame of a call that ran, through the dispatcher that every transport shares.
    private func outcomeFrame(
        id: RequestID,
        _ method: RegisteredMethod,
        outcome: Result<MethodResult, any Error>,
        action: SessionStateMachine.FinishAction,
        started: ContinuousClock.Instant
    ) -> [UInt8] {
        var writer = WireWriter()
        self.writeOutcome(id: id, method, outcome: outcome, action: action, started: started, to: &writer)
        return writer.bytes
    }

    /// Writes the terminal frame of a call that ran to the end of `writer`, without the newline.
    private func writeOutcome(
        id: RequestID,
        _ method: RegisteredMethod,
        outcome: Result<MethodResult, any Error>,
        action: SessionStateMachine.FinishAction,
        started: ContinuousClock.Instant,
        to writer: inout WireWriter
    ) {
        self.dispatcher.writeTerminalFrame(
            id: id,
            method: method,
            outcome: outcome,
            stoppedBy: action.override,
            started: started,
            transport: .tcp,
            maximumResultBytes: self.configuration.maximumResultBytes,
            logger: self.logger(id: id, method: method.descriptor.name),
            to: &writer
        )
    }

    /// Writes the frame refusing call `id` with `error` to `answers`, as a line.
    private func answer(failure error: ChronoError, id: RequestID?, to answers: inout WireWriter) {
        let start = answers.count
        self.dispatcher.writeFailureFrame(id: id, error: error, to: &answers)
        self.endAnswer(in: &answers, from: start)
    }

    /// Ends the frame written to `answers` from `start` as a line and reserves it in the output bound; when
    /// the client owes too much already, the frame is taken back (and the connection closed).
    private func endAnswer(in answers: inout WireWriter, from start: Int) {
        answers.endLine()
        if !self.reserve(bytes: answers.count - start) { answers.removeBytes(after: start) }
    }

    /// Writes one terminal frame from a call's task, or closes the connection when the client already owes
    /// more than its output bound.
    private func write(_ frame: [UInt8]) {
        guard self.reserve(bytes: NewlineFrameEncoder.lineLength(of: frame)) else { return }
        self.channel.writeAndFlush(self.line(frame), promise: nil)
    }

    /// `frame` as the line the socket takes.
    private func line(_ frame: [UInt8]) -> ByteBuffer {
        var buffer = self.channel.allocator.buffer(capacity: NewlineFrameEncoder.lineLength(of: frame))
        buffer.writeFrameLine(frame)
        return buffer
    }
}
