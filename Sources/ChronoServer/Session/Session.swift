import ChronoProtocol
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// One client connection: reads request lines, runs each call in its own task, writes whole frames.
///
/// All frames go through the connection's single outbound writer, one whole line per write, so calls
/// interleave only at line boundaries. Call bookkeeping lives in a `SessionStateMachine` behind a lock.
final class Session: Sendable {
    private struct State {
        var machine: SessionStateMachine
        var tasks: [RequestID: Task<MethodResult, any Error>] = [:]
    }

    private let channel: any Channel
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let budget: OutputBudget
    private let calls: CallsInFlight
    private let dispatcher: Dispatcher
    private let configuration: ChronoServer.Configuration
    private let logger: Logger
    private let state: NIOLockedValueBox<State>

    init(
        channel: any Channel,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        budget: OutputBudget,
        calls: CallsInFlight,
        dispatcher: Dispatcher,
        configuration: ChronoServer.Configuration,
        logger: Logger
    ) {
        self.channel = channel
        self.outbound = outbound
        self.budget = budget
        self.calls = calls
        self.dispatcher = dispatcher
        self.configuration = configuration
        self.logger = logger
        self.state = NIOLockedValueBox(
            State(machine: SessionStateMachine(maximumCallsInFlight: configuration.maximumCallsPerConnection))
        )
    }

    /// Serves the connection until the client closes it (then the calls in flight finish) or a line is too long.
    func run(inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async {
        await withDiscardingTaskGroup { group in
            do {
                for try await line in inbound {
                    self.calls.lineTaken()
                    // The decoder's buffer cap only fires while a line is incomplete; a line that arrives
                    // whole in one read can be longer, so its length is checked here too.
                    guard line.readableBytes <= ProtocolLimits.maximumLineLength else {
                        throw ByteToMessageDecoderError.PayloadTooLargeError()
                    }
                    if let start = await self.receive(Data(line.readableBytesView)) {
                        group.addTask { await self.runCall(start.request, start.descriptor) }
                    }
                }
            } catch is ByteToMessageDecoderError.PayloadTooLargeError {
                let error = ChronoError.resourceExhausted(
                    "request line exceeds the maximum of \(ProtocolLimits.maximumLineLength) bytes; closing connection"
                )
                await self.writeFailure(id: nil, error: error)
                self.connectionLost()
                self.closeAfterFlush()
            } catch {
                self.logger.debug("connection read failed", metadata: ["error": "\(error)"])
                self.connectionLost()
            }
        }
    }

    /// Starts draining: no new calls; the connection closes once the calls in flight end.
    func drain() {
        if self.state.withLockedValue({ $0.machine.drain() }) == .closeNow {
            self.closeAfterFlush()
        }
    }

    /// Ends the grace period of a drain: the calls still in flight end with `UNAVAILABLE`.
    func stopRemainingCalls() {
        self.stopAll(reason: .shutdown)
    }

    private func receive(_ line: Data) async -> (request: Request, descriptor: MethodDescriptor)? {
        let request: Request
        do {
            request = try Request.parse(line: line)
        } catch {
            await self.writeFailure(id: error.id, error: error.error)
            return nil
        }
        let descriptor: MethodDescriptor
        do {
            descriptor = try self.dispatcher.descriptor(for: request.method)
        } catch {
            await self.writeFailure(id: request.id, error: error)
            return nil
        }
        switch self.state.withLockedValue({ $0.machine.receive(id: request.id) }) {
        case .start:
            return (request, descriptor)
        case .reject(let error):
            await self.writeFailure(id: request.id, error: error)
            return nil
        }
    }

    private func runCall(_ request: Request, _ descriptor: MethodDescriptor) async {
        self.calls.started()
        defer { self.calls.ended() }
        let id = request.id
        var logger = self.logger
        logger[metadataKey: "call"] = "\(id)"
        logger[metadataKey: "method"] = "\(request.method)"
        let started = ContinuousClock.now
        let deadline = request.deadlineMilliseconds.map { started + .milliseconds($0) }
        let sequence = NIOLockedValueBox<Int64>(0)
        let context = CallContext(
            id: id,
            params: request.params,
            metadata: request.metadata,
            deadline: deadline,
            logger: logger,
            isLoopback: self.channel.remoteAddress?.isLoopback ?? false,
            sendData: { data in try await self.sendData(data, id: id, sequence: sequence) },
            cancelCall: { target in self.stop(id: target, reason: .cancelled) }
        )
        let task = Task { try await descriptor.handler(context) }
        let stopped = self.state.withLockedValue { state in
            state.tasks[id] = task
            return state.machine.stopReason(id: id) != nil
        }
        if stopped { task.cancel() }
        let timer = deadline.map { deadline in
            Task {
                try await Task.sleep(until: deadline, clock: .continuous)
                _ = self.stop(id: id, reason: .deadlineExceeded)
            }
        }
        let outcome = await withTaskCancellationHandler {
            await task.result
        } onCancel: {
            task.cancel()
        }
        timer?.cancel()
        let action = self.state.withLockedValue { state in
            state.tasks[id] = nil
            return state.machine.finish(id: id)
        }
        if action.report {
            await self.writeOutcome(id: id, outcome: outcome, override: action.override, logger: logger)
        }
        logger.debug(
            "call ended",
            metadata: [
                "elapsed_ms": "\((ContinuousClock.now - started).wholeMilliseconds)",
                "stopped": "\(action.override?.code.rawValue ?? "no")",
            ]
        )
        if action.closeConnection {
            self.closeAfterFlush()
        }
    }

    private func writeOutcome(
        id: RequestID,
        outcome: Result<MethodResult, any Error>,
        override: ChronoError?,
        logger: Logger
    ) async {
        if let override {
            await self.writeFailure(id: id, error: override)
            return
        }
        switch outcome {
        case .success(let result):
            let revision: Int64
            if let known = result.revision {
                revision = known
            } else {
                revision = await self.dispatcher.currentRevision()
            }
            do {
                let line = try OutgoingFrame.terminal(id: id, result: result.value, revision: revision).encoded()
                guard line.count <= self.configuration.maximumResultBytes else {
                    let error = ChronoError.resourceExhausted(
                        "result of \(line.count) bytes exceeds the limit of \(self.configuration.maximumResultBytes)"
                            + " bytes; narrow the query (params.limit, params.depth)"
                    )
                    await self.writeFailure(id: id, error: error, revision: revision)
                    return
                }
                await self.write(line)
            } catch {
                logger.error("result cannot be encoded", metadata: ["error": "\(error)"])
                await self.writeFailure(id: id, error: .internal(), revision: revision)
            }
        case .failure(let error):
            let (status, details) = ErrorMapping.status(for: error, logger: logger)
            await self.writeFailure(id: id, error: status, details: details)
        }
    }

    private func sendData(
        _ data: any Encodable & Sendable,
        id: RequestID,
        sequence: NIOLockedValueBox<Int64>
    ) async throws {
        try Task.checkCancellation()
        guard self.state.withLockedValue({ $0.machine.stopReason(id: id) }) == nil else { throw CancellationError() }
        let seq = sequence.withLockedValue { value in
            defer { value += 1 }
            return value
        }
        let line = try OutgoingFrame.data(id: id, seq: seq, data: data).encoded()
        guard line.count <= self.configuration.maximumResultBytes else {
            throw ChronoError.resourceExhausted("data frame of \(line.count) bytes exceeds the result size limit")
        }
        await self.write(line)
    }

    private func stop(id: RequestID, reason: SessionStateMachine.StopReason) -> Bool {
        self.state.withLockedValue { state in
            let found = state.machine.callsInFlight.contains(id)
            if state.machine.stop(id: id, reason: reason) == .cancelTask {
                state.tasks[id]?.cancel()
            }
            return found
        }
    }

    private func stopAll(reason: SessionStateMachine.StopReason) {
        self.state.withLockedValue { state in
            for id in state.machine.stopAll(reason: reason) {
                state.tasks[id]?.cancel()
            }
        }
    }

    private func connectionLost() {
        self.state.withLockedValue { state in
            for id in state.machine.connectionClosed() {
                state.tasks[id]?.cancel()
            }
        }
    }

    private func writeFailure(
        id: RequestID?,
        error: ChronoError,
        revision: Int64? = nil,
        details: JSONValue? = nil
    ) async {
        var stamped = revision
        if stamped == nil { stamped = await self.dispatcher.currentRevision() }
        let response = Response(id: id, error: error, revision: stamped ?? 0, details: details)
        do {
            await self.write(try OutgoingFrame.failure(response).encoded())
        } catch {
            self.logger.error("failure frame cannot be encoded", metadata: ["error": "\(error)"])
        }
    }

    /// Closes the connection once every frame already written has reached the socket: shutting the output
    /// down waits for pending writes, where a plain close would drop them.
    private func closeAfterFlush() {
        let channel = self.channel
        channel.close(mode: .output).whenComplete { _ in channel.close(promise: nil) }
    }

    /// Writes one frame, or closes the connection when the client already owes more than its output bound.
    private func write(_ line: Data) async {
        let bytes = line.count + 1  // the frame and its newline, as the guard handler will see them
        guard self.budget.reserve(bytes) else {
            self.logger.info(
                "closing a connection that does not read its replies",
                metadata: ["pending_bytes": "\(self.budget.pendingBytes)", "limit": "\(self.budget.limit)"]
            )
            self.connectionLost()
            self.channel.close(promise: nil)
            return
        }
        do {
            try await self.outbound.write(ByteBuffer(bytes: line))
        } catch {
            self.budget.release(bytes)
            self.logger.debug("write failed; connection is gone", metadata: ["error": "\(error)"])
            self.connectionLost()
        }
    }
}
