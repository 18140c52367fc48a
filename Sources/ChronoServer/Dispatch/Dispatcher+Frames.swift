public import ChronoProtocol
public import Logging

/// A frame that ends a call, in wire form without the newline, and the status it carries.
public struct TerminalFrame: Sendable {
    /// The frame's bytes.
    public let bytes: [UInt8]
    /// Its `status`.
    public let status: StatusCode
}

extension Dispatcher {
    /// The terminal frame of a finished call, recorded in `method`'s metrics under `transport`: the
    /// result, or the status its error maps to (`ErrorMapping`), or `stoppedBy` when the call was stopped
    /// (cancelled, deadline, shutdown). A result larger than `maximumResultBytes` is `RESOURCE_EXHAUSTED`.
    ///
    /// Every transport ends its calls here, so the same outcome is the same frame everywhere. `logger` is
    /// made only when something is logged.
    public func terminalFrame(
        id: RequestID,
        method: RegisteredMethod,
        outcome: Result<MethodResult, any Error>,
        stoppedBy stop: ChronoError? = nil,
        started: ContinuousClock.Instant,
        transport: CallMetrics.Transport,
        maximumResultBytes: Int,
        logger: @autoclosure () -> Logger
    ) -> TerminalFrame {
        var writer = WireWriter()
        let status = self.writeTerminalFrame(
            id: id,
            method: method,
            outcome: outcome,
            stoppedBy: stop,
            started: started,
            transport: transport,
            maximumResultBytes: maximumResultBytes,
            logger: logger(),
            to: &writer
        )
        return TerminalFrame(bytes: writer.bytes, status: status)
    }

    /// `terminalFrame(…)` written to the end of `writer` (which may hold other frames before it), without the
    /// newline; returns the frame's status.
    @discardableResult
    public func writeTerminalFrame(
        id: RequestID,
        method: RegisteredMethod,
        outcome: Result<MethodResult, any Error>,
        stoppedBy stop: ChronoError? = nil,
        started: ContinuousClock.Instant,
        transport: CallMetrics.Transport,
        maximumResultBytes: Int,
        logger: @autoclosure () -> Logger,
        to writer: inout WireWriter
    ) -> StatusCode {
        let status = self.writeTerminal(
            id: id,
            outcome: outcome,
            stoppedBy: stop,
            maximumResultBytes: maximumResultBytes,
            logger: logger,
            to: &writer
        )
        method.calls.record(status: status, transport: transport, elapsed: ContinuousClock.now - started)
        return status
    }

    /// The frame refusing a call with `error` (at `revision`, or the current one).
    public func failureFrame(
        id: RequestID?,
        error: ChronoError,
        revision: Int64? = nil,
        details: JSONValue? = nil
    ) -> TerminalFrame {
        var writer = WireWriter()
        self.writeFailureFrame(id: id, error: error, revision: revision, details: details, to: &writer)
        return TerminalFrame(bytes: writer.bytes, status: error.code)
    }

    /// `failureFrame(…)` written to the end of `writer`, without the newline.
    public func writeFailureFrame(
        id: RequestID?,
        error: ChronoError,
        revision: Int64? = nil,
        details: JSONValue? = nil,
        to writer: inout WireWriter
    ) {
        Response(id: id, error: error, revision: revision ?? self.currentRevision(), details: details)
            .write(to: &writer)
    }

    /// Data frame `seq` of streaming call `id`, in wire form without the newline.
    /// - Throws: `RESOURCE_EXHAUSTED` when it is larger than `maximumBytes`.
    public func dataFrame(
        id: RequestID,
        seq: Int64,
        data: any WireEncodable & Sendable,
        maximumBytes: Int
    ) throws -> [UInt8] {
        var writer = WireWriter()
        try DataFrame.write(id: id, seq: seq, data: data, to: &writer)
        guard writer.count <= maximumBytes else {
            throw ChronoError.resourceExhausted("data frame of \(writer.count) bytes exceeds the result size limit")
        }
        return writer.bytes
    }

    /// Writes the terminal frame of `outcome` after what `writer` holds; a result that cannot be written, or is
    /// over `maximumResultBytes`, is taken back and a failure frame written in its place.
    private func writeTerminal(
        id: RequestID,
        outcome: Result<MethodResult, any Error>,
        stoppedBy stop: ChronoError?,
        maximumResultBytes: Int,
        logger: () -> Logger,
        to writer: inout WireWriter
    ) -> StatusCode {
        if let stop {
            self.writeFailureFrame(id: id, error: stop, to: &writer)
            return stop.code
        }
        switch outcome {
        case .success(let result):
            let revision = result.revision ?? self.currentRevision()
            let start = writer.count
            do {
                try Response.writeSuccess(id: id, result: result.value, revision: revision, to: &writer)
            } catch {
                logger().error("result cannot be encoded", metadata: ["error": "\(error)"])
                writer.removeBytes(after: start)
                let failure = ChronoError.internal()
                self.writeFailureFrame(id: id, error: failure, revision: revision, to: &writer)
                return failure.code
            }
            let length = writer.count - start
            guard length <= maximumResultBytes else {
                writer.removeBytes(after: start)
                let error = ChronoError.resourceExhausted(
                    "result of \(length) bytes exceeds the limit of \(maximumResultBytes)"
                        + " bytes; narrow the query (params.limit, params.depth)"
                )
                self.writeFailureFrame(id: id, error: error, revision: revision, to: &writer)
                return error.code
            }
            return .ok
        case .failure(let error):
            let (status, details) = ErrorMapping.status(for: error, logger: logger())
            self.writeFailureFrame(id: id, error: status, details: details, to: &writer)
            return status.code
        }
    }
}
