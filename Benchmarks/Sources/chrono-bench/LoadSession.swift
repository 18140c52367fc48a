import BenchSupport
import NIOCore

/// Drives one connection: keeps `pipeline` calls in flight until the window closes, and times each answer.
///
/// The session of a `LineHandler`, so each line it receives is one response line. Lives on its channel's
/// event loop: every method, including `start` and `stop`, must be called there. Writes made while
/// handling a batch of reads are flushed once, at the end of the batch.
final class LoadSession: LineSession {
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

    /// A session for the connection numbered `index`, which starts at its own place in the request lines.
    init(plan: LoadPlan, index: Int) {
        self.plan = plan
        self.nextTemplate = (index * 7919) % plan.templates.count
    }

    /// Sends the first `pipeline` calls; answers count from `measureFrom` to `measureUntil` (uptime ns).
    func start(measureFrom: UInt64, measureUntil: UInt64, on handler: LineHandler<LoadSession>) {
        guard case .idle = self.phase, handler.isAdded else { return }
        self.phase = .running(measureFrom: measureFrom, measureUntil: measureUntil)
        for _ in 0..<self.plan.pipeline {
            self.send(on: handler)
        }
        handler.flush()
    }

    /// Stops sending and returns what this connection measured.
    func stop() -> ConnectionReport {
        self.phase = .stopped
        self.report.inFlight = self.plan.matchByID ? self.byID.count : self.inOrder.count
        return self.report
    }

    func received(_ line: ByteBuffer, at now: UInt64, on handler: LineHandler<LoadSession>) {
        guard case .running(let measureFrom, let measureUntil) = self.phase else { return }
        guard let sentAt = self.takeSendTime(for: line) else {
            self.report.unmatched += 1
            return
        }
        if sentAt >= measureFrom && now <= measureUntil {
            self.report.completed += 1
            self.report.histogram.record(now - sentAt)
            if let marker = self.plan.okMarker {
                if ByteScan.contains(marker, in: line) {
                    self.report.ok += 1
                }
            } else {
                self.report.ok += 1
            }
        }
        if now < measureUntil {
            self.send(on: handler)
        }
    }

    func ended(by error: (any Error)?) {
        if let error {
            self.report.failure = self.report.failure ?? "\(error)"
        } else if case .running = self.phase {
            self.report.failure = self.report.failure ?? "connection closed by the server"
        }
    }

    private func send(on handler: LineHandler<LoadSession>) {
        let number = self.nextNumber
        self.nextNumber += 1
        let template = self.plan.templates[self.nextTemplate]
        self.nextTemplate = (self.nextTemplate + 1) % self.plan.templates.count
        let ending = self.plan.lineEnding
        let now = NIODeadline.now().uptimeNanoseconds
        handler.write(capacity: 256) { template.write(number: number, ending: ending, into: &$0) }
        if self.plan.matchByID {
            self.byID[number] = now
        } else {
            self.inOrder.append(now)
        }
        self.report.sent += 1
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
        line.withUnsafeReadableBytes { bytes -> UInt64? in
            var start = 0
            while let found = ByteScan.firstIndex(of: Self.idKey, in: bytes, from: start) {
                var index = found + Self.idKey.count
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
                if let value = ByteScan.unsignedInteger(at: index, in: bytes, maxDigits: 19) { return value }
                start = found + Self.idKey.count
            }
            return nil
        }
    }
}
