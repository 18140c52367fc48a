import ChronoProtocol
import ChronoServer
import HTTPTypes
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// The JSON gateway: `POST /v1/<Service>/<Method>` runs one call through the same `Dispatcher` as the TCP
/// sessions and answers with the same frames.
///
/// The body is the call's `params` (empty means `{}`); `Authorization: Bearer <token>` becomes
/// `metadata.authorization` and `X-Deadline-Ms` the call's `deadline_ms`. A call that ends without data
/// frames is answered with its terminal frame as the body and its status mapped to an HTTP code. A streaming
/// call that sends data is answered `200` with its frames as NDJSON lines, or as server-sent events when
/// the client accepts `text/event-stream`; its terminal frame is the last line (event `end`).
///
/// Bounds: the body size, a default deadline for calls that do not stream, and one frame in flight between
/// the call and the response writer, which waits for the client: a client that does not read holds its
/// stream still instead of growing the daemon's memory.
struct Gateway: Sendable {
    let dispatcher: Dispatcher
    let configuration: HTTPConfiguration
    let logger: Logger
    private let lastID = NIOLockedValueBox<Int64>(0)

    init(dispatcher: Dispatcher, configuration: HTTPConfiguration, logger: Logger) {
        self.dispatcher = dispatcher
        self.configuration = configuration
        self.logger = logger
    }

    /// One frame of a call on its way to the response writer.
    private enum Chunk: Sendable {
        case data([UInt8])
        case end(TerminalFrame)
    }

    /// Answers `POST /v1/:service/:method`.
    func respond(to request: Request, context: GatewayContext) async -> Response {
        let id = ChronoProtocol.RequestID.int(
            self.lastID.withLockedValue { value in
                value += 1
                return value
            }
        )
        let service = context.parameters.get("service") ?? ""
        let method = context.parameters.get("method") ?? ""
        var request = request
        let call: ChronoProtocol.Request
        let registered: RegisteredMethod
        do {
            call = try await self.parse(&request, id: id, method: "chrono.v1.\(service)/\(method)")
            registered = try self.dispatcher.method(named: call.method)
        } catch {
            let refusal = error as? ChronoError ?? .internal()
            return Self.response(self.dispatcher.failureFrame(id: id, error: refusal))
        }
        var logger = self.logger
        logger[metadataKey: "call"] = "http-\(id)"
        logger[metadataKey: "method"] = "\(call.method)"
        let streaming = registered.descriptor.name.isStreaming
        let deadline =
            call.deadlineMilliseconds.map { ContinuousClock.now + .milliseconds($0) }
            ?? (streaming ? nil : ContinuousClock.now + self.configuration.requestTimeout)
        let chunks = FrameHandOff<Chunk>()
        let task = Task { [logger, isLoopback = context.isLoopback] in
            let frame = await self.run(
                call,
                registered,
                deadline: deadline,
                isLoopback: isLoopback,
                chunks: chunks,
                logger: logger
            )
            await chunks.send(.end(frame))
            chunks.finish()
        }
        switch await chunks.next() {
        case .end(let frame)?:
            return Self.response(frame)
        case .data(let first)?:
            return Self.stream(first: first, rest: chunks, call: task, events: Self.acceptsEvents(request))
        case nil:
            task.cancel()
            return Self.response(self.dispatcher.failureFrame(id: id, error: .internal()))
        }
    }

    /// The call as the line protocol would have received it, checked by the same parser (same messages).
    private func parse(
        _ request: inout Request,
        id: ChronoProtocol.RequestID,
        method: String
    ) async throws -> ChronoProtocol.Request {
        let limit = self.configuration.maximumBodyBytes
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw ChronoError.resourceExhausted("request body exceeds the maximum of \(limit) bytes")
        }
        var members: [String: JSONValue] = ["id": id.json, "method": .string(method)]
        if body.readableBytes > 0 {
            let parsed = body.withUnsafeReadableBytes { bytes in
                Result { () throws(JSONParseError) in
                    try JSONParser.parse(bytes, maximumDepth: ProtocolLimits.maximumJSONDepth)
                }
            }
            switch parsed {
            case .success(let params): members["params"] = params
            case .failure(let error): throw ChronoError.invalidArgument("body is not valid JSON: \(error)")
            }
        }
        if let authorization = request.headers[.authorization] {
            let token = authorization.hasPrefix("Bearer ") ? String(authorization.dropFirst(7)) : authorization
            members["metadata"] = ["authorization": .string(token)]
        }
        if let name = HTTPField.Name("X-Deadline-Ms"), let text = request.headers[name] {
            members["deadline_ms"] = Int64(text).map(JSONValue.int) ?? .string(text)
        }
        let line = try WireWriter.bytes(of: JSONValue.object(members))
        let parsed = line.withUnsafeBytes { bytes in
            Result { () throws(RequestLineError) in try ChronoProtocol.Request.parse(bytes: bytes) }
        }
        switch parsed {
        case .success(let call): return call
        case .failure(let error): throw error.error
        }
    }

    /// Runs the call to its terminal frame, sending its data frames to `chunks` one at a time.
    private func run(
        _ call: ChronoProtocol.Request,
        _ method: RegisteredMethod,
        deadline: ContinuousClock.Instant?,
        isLoopback: Bool,
        chunks: FrameHandOff<Chunk>,
        logger: Logger
    ) async -> TerminalFrame {
        let started = ContinuousClock.now
        let sequence = NIOLockedValueBox<Int64>(0)
        let dispatcher = self.dispatcher
        let maximumBytes = self.configuration.maximumResultBytes
        let context = CallContext(
            id: call.id,
            params: call.params,
            metadata: call.metadata,
            deadline: deadline,
            logger: logger,
            isLoopback: isLoopback,
            sendData: { data in
                try Task.checkCancellation()
                let seq = sequence.withLockedValue { value in
                    defer { value += 1 }
                    return value
                }
                let frame = try dispatcher.dataFrame(id: call.id, seq: seq, data: data, maximumBytes: maximumBytes)
                await chunks.send(.data(frame))
                try Task.checkCancellation()
            },
            // Each HTTP request is a connection of its own: there is no other call to cancel.
            cancelCall: { _ in false }
        )
        let (outcome, stop) = await Self.outcome(of: method.descriptor, context: context, deadline: deadline)
        return dispatcher.terminalFrame(
            id: call.id,
            method: method,
            outcome: outcome,
            stoppedBy: stop,
            started: started,
            transport: .http,
            maximumResultBytes: maximumBytes,
            logger: logger
        )
    }

    /// The handler's outcome, and `DEADLINE_EXCEEDED` as the stop when the deadline passed first (the
    /// handler is then cancelled, as a TCP session cancels it).
    private static func outcome(
        of descriptor: MethodDescriptor,
        context: CallContext,
        deadline: ContinuousClock.Instant?
    ) async -> (Result<MethodResult, any Error>, ChronoError?) {
        let expired = NIOLockedValueBox(false)
        let outcome = await withTaskGroup(of: Result<MethodResult, any Error>?.self) { group in
            group.addTask(executorPreference: descriptor.executor?()) {
                do {
                    return .success(try await descriptor.handler(context))
                } catch {
                    return .failure(error)
                }
            }
            if let deadline {
                group.addTask {
                    guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return nil }
                    expired.withLockedValue { $0 = true }
                    return nil
                }
            }
            while let next = await group.next() {
                if let outcome = next {
                    group.cancelAll()
                    return outcome
                }
                group.cancelAll()
            }
            return .failure(CancellationError())
        }
        let stop: ChronoError? = expired.withLockedValue { $0 } ? .deadlineExceeded("deadline exceeded") : nil
        return (outcome, stop)
    }

    private static func response(_ frame: TerminalFrame) -> Response {
        var buffer = ByteBuffer(bytes: frame.bytes)
        buffer.writeInteger(UInt8(ascii: "\n"))
        return Response(
            status: frame.status.httpStatus,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: buffer)
        )
    }

    /// A `200` whose body is the call's frames; the call is cancelled when the client goes away.
    private static func stream(
        first: [UInt8],
        rest: FrameHandOff<Chunk>,
        call: Task<Void, Never>,
        events: Bool
    ) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: events ? "text/event-stream" : "application/x-ndjson", .cacheControl: "no-store",
            ],
            body: ResponseBody { writer in
                defer { call.cancel() }
                try await writer.write(Self.encode(.data(first), events: events))
                while let chunk = await rest.next() {
                    try await writer.write(Self.encode(chunk, events: events))
                }
                try await writer.finish(nil)
            }
        )
    }

    /// A frame as one NDJSON line, or as one server-sent event (`data`, or `end` for the terminal frame).
    private static func encode(_ chunk: Chunk, events: Bool) -> ByteBuffer {
        let (bytes, event): ([UInt8], String) =
            switch chunk {
            case .data(let bytes): (bytes, "data")
            case .end(let frame): (frame.bytes, "end")
            }
        var buffer = ByteBuffer()
        if events { buffer.writeString("event: \(event)\ndata: ") }
        buffer.writeBytes(bytes)
        buffer.writeString(events ? "\n\n" : "\n")
        return buffer
    }

    private static func acceptsEvents(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("text/event-stream") ?? false
    }
}
