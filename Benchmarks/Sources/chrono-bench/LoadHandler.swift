import NIOCore

/// Drives one connection: keeps `pipeline` calls in flight until the window closes, and times each answer.
///
/// Sits after a `LineBasedFrameDecoder`, so each read is one response line. Lives on its channel's
/// event loop: every method, including `start` and `stop`, must be called there. Writes made while
/// handling a batch of reads are flushed once, in `channelReadComplete`.
final class LoadHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Phase {
        case idle
        case running(measureFrom: UInt64, measureUntil: UInt64)
        case stopped
    }

    private let plan: LoadPlan
    private var nextTemplate: Int
    private var nextNumber: UInt64 = 1
    private var phase = Phase.idle
    private var inOrder = CircularBuffer<UInt64>()
    private var byID: [UInt64: UInt64] = [:]
    private var report = ConnectionReport()
    private var context: ChannelHandlerContext?
    private var needsFlush = false

    /// A handler for the connection numbered `index`, which starts at its own place in the request lines.
    init(plan: LoadPlan, index: Int) {
        self.plan = plan
        self.nextTemplate = (index * 7919) % plan.templates.count
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Sends the first `pipeline` calls; answers count from `measureFrom` to `measureUntil` (uptime ns).
    func start(measureFrom: UInt64, measureUntil: UInt64) {
        guard case .idle = self.phase, let context = self.context else { return }
        self.phase = .running(measureFrom: measureFrom, measureUntil: measureUntil)
        for _ in 0..<self.plan.pipeline {
            self.send(context: context)
        }
        context.flush()
    }

    /// Stops sending and returns what this connection measured.
    func stop() -> ConnectionReport {
        self.phase = .stopped
        self.report.inFlight = self.plan.matchByID ? self.byID.count : self.inOrder.count
        return self.report
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = Self.unwrapInboundIn(data)
        let now = NIODeadline.now().uptimeNanoseconds
        guard case .running(let measureFrom, let measureUntil) = self.phase else { return }
        guard let sentAt = self.takeSendTime(for: line) else {
            self.report.unmatched += 1
            return
        }
        if sentAt >= measureFrom && now <= measureUntil {
            self.report.completed += 1
            self.report.histogram.record(now - sentAt)
            if let marker = self.plan.okMarker {
                if ByteSearch.firstOffset(of: marker, in: line) != nil {
                    self.report.ok += 1
                }
            } else {
                self.report.ok += 1
            }
        }
        if now < measureUntil {
            self.send(context: context)
            self.needsFlush = true
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if self.needsFlush {
            self.needsFlush = false
            context.flush()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if case .running = self.phase {
            self.report.failure = self.report.failure ?? "connection closed by the server"
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.report.failure = self.report.failure ?? "\(error)"
        context.close(promise: nil)
    }

    private func send(context: ChannelHandlerContext) {
        let number = self.nextNumber
        self.nextNumber += 1
        let template = self.plan.templates[self.nextTemplate]
        self.nextTemplate = (self.nextTemplate + 1) % self.plan.templates.count
        var buffer = context.channel.allocator.buffer(capacity: 256)
        template.write(number: number, ending: self.plan.lineEnding, into: &buffer)
        let now = NIODeadline.now().uptimeNanoseconds
        if self.plan.matchByID {
            self.byID[number] = now
        } else {
            self.inOrder.append(now)
        }
        self.report.sent += 1
        context.write(Self.wrapOutboundOut(buffer), promise: nil)
    }

    private func takeSendTime(for line: ByteBuffer) -> UInt64? {
        guard self.plan.matchByID else {
            return self.inOrder.isEmpty ? nil : self.inOrder.removeFirst()
        }
        guard let id = Self.numericID(in: line) else { return nil }
        return self.byID.removeValue(forKey: id)
    }

    private static let idKey = Array(#""id":"#.utf8)

    /// The first `"id":` field whose value is an unsigned integer, as in `{"id":42,...}`.
    static func numericID(in line: ByteBuffer) -> UInt64? {
        var start = 0
        while let found = ByteSearch.firstOffset(of: Self.idKey, in: line, from: start) {
            let digits = line.withUnsafeReadableBytes { bytes -> (value: UInt64, count: Int) in
                var index = found + Self.idKey.count
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
                var value: UInt64 = 0
                var count = 0
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), count < 19 {
                    value = value * 10 + UInt64(bytes[index] - UInt8(ascii: "0"))
                    count += 1
                    index += 1
                }
                return (value, count)
            }
            if digits.count > 0 { return digits.value }
            start = found + Self.idKey.count
        }
        return nil
    }
}
