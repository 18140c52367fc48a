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
    /// The terminal frame of a finished call, recorded in `metrics` under `method` and `transport`: the
    /// result, or the status its error maps to (`ErrorMapping`), or `stoppedBy` when the call was stopped
    /// (cancelled, deadline, shutdown). A result larger than `maximumResultBytes` is `RESOURCE_EXHAUSTED`.
    ///
    /// Every transport ends its calls here, so the same outcome is the same frame everywhere. `logger` is
    /// made only when something is logged.
    public func terminalFrame(
        id: RequestID,
        method: MethodName,
        outcome: Result<MethodResult, any Error>,
        stoppedBy stop: ChronoError? = nil,
        started: ContinuousClock.Instant,
        transport: CallMetrics.Transport,
        maximumResultBytes: Int,
        logger: @autoclosure () -> Logger
    ) -> TerminalFrame {
        let frame = self.encodeTerminal(
            id: id,
            outcome: outcome,
            stoppedBy: stop,
            maximumResultBytes: maximumResultBytes,
            logger: logger
        )
        self.metrics.recordCall(
            method: method,
            status: frame.status,
            transport: transport,
            elapsed: ContinuousClock.now - started
        )
        return frame
    }

    /// The frame refusing a call with `error` (at `revision`, or the current one).
    public func failureFrame(
        id: RequestID?,
        error: ChronoError,
        revision: Int64? = nil,
        details: JSONValue? = nil
    ) -> TerminalFrame {
        let response = Response(id: id, error: error, revision: revision ?? self.currentRevision(), details: details)
        return TerminalFrame(bytes: OutgoingFrame.terminal(response), status: error.code)
    }

    /// Data frame `seq` of streaming call `id`, in wire form without the newline.
    /// - Throws: `RESOURCE_EXHAUSTED` when it is larger than `maximumBytes`.
    public func dataFrame(
        id: RequestID,
        seq: Int64,
        data: any WireEncodable & Sendable,
        maximumBytes: Int
    ) throws -> [UInt8] {
        let line = try OutgoingFrame.data(id: id, seq: seq, data: data)
        guard line.count <= maximumBytes else {
            throw ChronoError.resourceExhausted("data frame of \(line.count) bytes exceeds the result size limit")
        }
        return line
    }

    private func encodeTerminal(
        id: RequestID,
        outcome: Result<MethodResult, any Error>,
        stoppedBy stop: ChronoError?,
        maximumResultBytes: Int,
        logger: () -> Logger
    ) -> TerminalFrame {
        if let stop {
            return self.failureFrame(id: id, error: stop)
        }
        switch outcome {
        case .success(let result):
            let revision = result.revision ?? self.currentRevision()
            do {
                let line = try OutgoingFrame.success(id: id, result: result.value, revision: revision)
                guard line.count <= maximumResultBytes else {
                    let error = ChronoError.resourceExhausted(
                        "result of \(line.count) bytes exceeds the limit of \(maximumResultBytes)"
                            + " bytes; narrow the query (params.limit, params.depth)"
                    )
                    return self.failureFrame(id: id, error: error, revision: revision)
                }
                return TerminalFrame(bytes: line, status: .ok)
            } catch {
                logger().error("result cannot be encoded", metadata: ["error": "\(error)"])
                return self.failureFrame(id: id, error: .internal(), revision: revision)
            }
        case .failure(let error):
            let (status, details) = ErrorMapping.status(for: error, logger: logger())
            return self.failureFrame(id: id, error: status, details: details)
        }
    }
}
