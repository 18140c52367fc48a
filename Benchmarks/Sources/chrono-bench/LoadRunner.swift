import BenchSupport
import ChronoTLS
import NIOCore
import NIOPosix

/// Opens the connections, runs the warm-up and the measured window, then collects and closes everything.
///
/// Bounded: connecting times out after 5 s per connection, and the run ends `warmup + duration + 0.5` s
/// after the last connection is up, answered or not.
///
/// Every connection is a `LineClient` connection driven by a `LoadSession`.
struct LoadRunner: Sendable {
    /// What a run produced.
    struct Outcome: Sendable {
        var connected: Int
        var total: ConnectionReport
        var failures: [String]
        var cpuSeconds: Double
    }

    /// Time left after the window for the last answers to arrive before the report is taken.
    static let grace = TimeAmount.milliseconds(500)

    var host: String
    var port: Int
    var connections: Int
    var threads: Int
    /// TLS for every connection, or `nil` for plain TCP.
    var tls: TLSSettings?
    var plan: LoadPlan

    /// Runs the load; `warmup` and `duration` are in seconds.
    func run(warmup: Double, duration: Double) async throws -> Outcome {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.threads)
        var channels: [(any Channel, NIOLoopBound<LineHandler<LoadSession>>)] = []
        var failures: [String] = []
        for index in 0..<self.connections {
            do {
                let plan = self.plan
                let connection = try await LineClient.connect(
                    host: self.host,
                    port: self.port,
                    loop: group.next(),
                    tls: self.tls
                ) {
                    LoadSession(plan: plan, index: index)
                }
                channels.append(connection)
            } catch {
                failures.append("connect: \(error)")
            }
        }
        let cpuBefore = ProcessCPU.ownSeconds()
        let measureFrom = NIODeadline.now() + .nanoseconds(Int64(warmup * 1e9))
        let measureUntil = measureFrom + .nanoseconds(Int64(duration * 1e9))
        for (channel, handler) in channels {
            try await channel.eventLoop.submit {
                handler.value.session.start(
                    measureFrom: measureFrom.uptimeNanoseconds,
                    measureUntil: measureUntil.uptimeNanoseconds,
                    on: handler.value
                )
            }.get()
        }
        let wakeUp = measureUntil + Self.grace - NIODeadline.now()
        if wakeUp > .zero {
            try await Task.sleep(nanoseconds: UInt64(wakeUp.nanoseconds))
        }
        var total = ConnectionReport()
        for (channel, handler) in channels {
            let report = try await channel.eventLoop.submit { handler.value.session.stop() }.get()
            if let failure = report.failure {
                failures.append(failure)
            }
            total.merge(report)
        }
        let cpu = ProcessCPU.ownSeconds() - cpuBefore
        for (channel, _) in channels {
            try? await channel.close().get()
        }
        try await group.shutdownGracefully()
        return Outcome(
            connected: channels.count,
            total: total,
            failures: Array(Set(failures)).sorted().prefix(10).map { $0 },
            cpuSeconds: cpu
        )
    }
}
