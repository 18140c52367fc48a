import BenchSupport
import NIOCore

/// The writer's connection: one call at a time, answered by the next terminal frame.
///
/// The session of a `LineHandler`; lives on its channel's event loop, where `call` must be called. The reply
/// is the response line and the uptime (ns) it was read at; a closed connection fails the pending call.
final class LineCall: LineSession {
    /// The connection went away or errored while a call was pending.
    struct ConnectionLost: Error, CustomStringConvertible {
        var description: String
    }

    private var pending: EventLoopPromise<(ByteBuffer, UInt64)>?

    /// Sends `line` (a request without its newline) on `handler`; returns the send time (uptime ns) and the reply.
    func call(
        _ line: String,
        on handler: LineHandler<LineCall>,
        loop: any EventLoop
    ) -> (sentAt: UInt64, reply: EventLoopFuture<(ByteBuffer, UInt64)>) {
        let promise = loop.makePromise(of: (ByteBuffer, UInt64).self)
        self.pending?.fail(ConnectionLost(description: "a call was replaced before its answer"))
        self.pending = promise
        let sentAt = NIODeadline.now().uptimeNanoseconds
        guard handler.write(line: line) else {
            preconditionFailure("LineCall.call before the handler was added")
        }
        handler.flush()
        return (sentAt, promise.futureResult)
    }

    func received(_ line: ByteBuffer, at time: UInt64, on handler: LineHandler<LineCall>) {
        guard FrameScan.kind(of: line) == .terminal, let pending = self.pending else { return }
        self.pending = nil
        pending.succeed((line, time))
    }

    func ended(by error: (any Error)?) {
        let description = error.map { "writer connection: \($0)" } ?? "the writer's connection was closed by the server"
        self.pending?.fail(ConnectionLost(description: description))
        self.pending = nil
    }
}
