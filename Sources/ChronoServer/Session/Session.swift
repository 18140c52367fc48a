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

    /// Takes one request line. Frames due at once (a refusal, or the answer of a method that runs inline) go
    /// to `emit`, in order; any other call starts in its own task. Returns whether the connection should now
    /// close once what was emitted is out (a draining connection's last call ended inline).
    func handle(line: UnsafeRawBufferPointer, emit: ([UInt8]) -> Void) -> Bool {
        self.calls.lineTaken()
        let request: Request
        do {
            request = try Request.parse(bytes: line)
        } catch {
            emit(self.failureFrame(id: error.id, error: error.error))
            return false
        }
        let descriptor: MethodDescriptor
        do {
            descriptor = try self.dispatcher.descriptor(for: request.method)
        } catch {
            emit(self.failureFrame(id: request.id, error: error))
            return false
        }
        let inline = descriptor.inlineHandler
        let quick = inline == nil ? descriptor.quickHandler : nil
        let received = self.state.withLockedValue {
            $0.machine.receive(id: request.id, inline: inline != nil || quick != nil)
        }
        if case .reject(let error) = received {
            emit(self.failureFrame(id: request.id, error: error))
            return false
        }
        let deadline = request.deadlineMilliseconds.map { ContinuousClock.now + .milliseconds($0) }
        let started = ContinuousClock.now
        let outcome: Result<MethodResult, any Error>?
        if let inline {
            outcome = Result { try inline(self.inlineContext(for: request, deadline: nil)) }
        } else if let quick {
            do {
                outcome = try quick(self.inlineContext(for: request, deadline: deadline)).map { .success($0) }
            } catch {
                outcome = .failure(error)
            }
        } else {
            outcome = nil
        }
        guard let outcome else {
            if quick != nil { self.state.withLockedValue { $0.machine.continueInTask(id: request.id) } }
            self.start(request, descriptor, deadline: deadline, started: started)
            return false
        }
        let action = self.state.withLockedValue { $0.machine.finish(id: request.id) }
        if action.report {
            emit(self.outcomeFrame(request, descriptor.name, outcome: outcome, action: action, started: started))
        }
        return action.closeConnection
    }

    /// The client closed its end: no more calls come; the connection closes once those in flight end.
    func inputClosed() {
        self.drain()
    }

    /// The frame refusing a line longer than the protocol allows; the caller writes it and closes.
    func lineTooLongFrame() -> [UInt8] {
        self.failureFrame(
            id: nil,
            error: .resourceExhausted(
                "request line exceeds the maximum of \(ProtocolLimits.maximumLineLength) bytes; closing connection"
            )
        )
    }

    /// Reserves room for `frame` in the connection's output bound; `false` when the client owes too much
    /// already, and the connection is then closed.
    func reserve(_ frame: [UInt8]) -> Bool {
        guard self.budget.reserve(NewlineFrameEncoder.lineLength(of: frame)) else {
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
        _ descriptor: MethodDescriptor,
        deadline: ContinuousClock.Instant?,
        started: ContinuousClock.Instant
    ) {
        self.calls.started()
        let id = request.id
        let context = self.context(for: request, deadline: deadline)
        self.state.withLockedValue { state in
            // Created under the lock, so the task cannot finish before it is on record.
            let task = Task(executorPreference: descriptor.executor?()) {
                let outcome: Result<MethodResult, any Error>
                do {
                    outcome = .success(try await descriptor.handler(context))
                } catch {
                    outcome = .failure(error)
                }
                self.finish(request, descriptor.name, outcome: outcome, started: started)
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
        _ request: Request,
        _ method: MethodName,
        outcome: Result<MethodResult, any Error>,
        started: ContinuousClock.Instant
    ) {
        let id = request.id
        let action = self.state.withLockedValue { state in
            state.running.removeValue(forKey: id)?.timer?.cancel()
            return state.machine.finish(id: id)
        }
        if action.report {
            self.write(
                self.outcomeFrame(request, method, outcome: outcome, action: action, started: started)
            )
        }
        self.calls.ended()
        self.logger.debug(
            "call ended",
            metadata: [
                "call": "\(id)",
                "method": "\(method)",
                "elapsed_ms": "\((ContinuousClock.now - started).wholeMilliseconds)",
                "stopped": "\(action.override?.code.rawValue ?? "no")",
            ]
        )
        if action.closeConnection { self.channel.closeAfterFlush() }
    }

    /// The connection's logger with the call's id and method. Made only when a call logs: StreamLogHandler
    /// formats its whole metadata again on every change, which cost a 1-hop call 5% of its instructions.
    private func logger(for request: Request) -> Logger {
        var logger = self.logger
        logger[metadataKey: "call"] = "\(request.id)"
        logger[metadataKey: "method"] = "\(request.method)"
        return logger
    }

    private func context(for request: Request, deadline: ContinuousClock.Instant?) -> CallContext {
        let id = request.id
        let sequence = NIOLockedValueBox<Int64>(0)
        return CallContext(
            id: id,
            params: request.params,
            metadata: request.metadata,
            deadline: deadline,
            logger: self.logger(for: request),
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
        guard self.reserve(frame) else { throw CancellationError() }
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
        _ request: Request,
        _ method: MethodName,
        outcome: Result<MethodResult, any Error>,
        action: SessionStateMachine.FinishAction,
        started: ContinuousClock.Instant
    ) -> [UInt8] {
        self.dispatcher.terminalFrame(
            id: request.id,
            method: method,
            outcome: outcome,
            stoppedBy: action.override,
            started: started,
            transport: .tcp,
            maximumResultBytes: self.configuration.maximumResultBytes,
            logger: self.logger(for: request)
        ).bytes
    }

    private func failureFrame(id: RequestID?, error: ChronoError) -> [UInt8] {
        self.dispatcher.failureFrame(id: id, error: error).bytes
    }

    /// Writes one terminal frame from a call's task, or closes the connection when the client already owes
    /// more than its output bound.
    private func write(_ frame: [UInt8]) {
        guard self.reserve(frame) else { return }
        self.channel.writeAndFlush(self.line(frame), promise: nil)
    }

    /// `frame` as the line the socket takes.
    private func line(_ frame: [UInt8]) -> ByteBuffer {
        var buffer = self.channel.allocator.buffer(capacity: NewlineFrameEncoder.lineLength(of: frame))
        buffer.writeFrameLine(frame)
        return buffer
    }
}
