import NIOCore
import NIOExtras
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens the connections, runs the warm-up and the measured window, then collects and closes everything.
///
/// Bounded: connecting times out after 5 s per connection, and the run ends `warmup + duration + 0.5` s
/// after the last connection is up, answered or not.
struct LoadRunner: Sendable {
    /// What a run produced.
    struct Outcome: Sendable {
        var connected: Int
        var total: ConnectionReport
        var failures: [String]
        var cpuSeconds: Double
    }

    /// Longest accepted response line; longer ones end the connection with an error.
    static let maximumLineLength = 16 << 20
    /// Time left after the window for the last answers to arrive before the report is taken.
    static let grace = TimeAmount.milliseconds(500)

    var host: String
    var port: Int
    var connections: Int
    var threads: Int
    var plan: LoadPlan

    /// Runs the load; `warmup` and `duration` are in seconds.
    func run(warmup: Double, duration: Double) async throws -> Outcome {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.threads)
        var channels: [(any Channel, NIOLoopBound<LoadHandler>)] = []
        var failures: [String] = []
        for index in 0..<self.connections {
            do {
                channels.append(try await self.connect(index: index, loop: group.next()))
            } catch {
                failures.append("connect: \(error)")
            }
        }
        let cpuBefore = Self.cpuSeconds()
        let measureFrom = NIODeadline.now() + .nanoseconds(Int64(warmup * 1e9))
        let measureUntil = measureFrom + .nanoseconds(Int64(duration * 1e9))
        for (channel, handler) in channels {
            try await channel.eventLoop.submit {
                handler.value.start(
                    measureFrom: measureFrom.uptimeNanoseconds,
                    measureUntil: measureUntil.uptimeNanoseconds
                )
            }.get()
        }
        let wakeUp = measureUntil + Self.grace - NIODeadline.now()
        if wakeUp > .zero {
            try await Task.sleep(nanoseconds: UInt64(wakeUp.nanoseconds))
        }
        var total = ConnectionReport()
        for (channel, handler) in channels {
            let report = try await channel.eventLoop.submit { handler.value.stop() }.get()
            if let failure = report.failure {
                failures.append(failure)
            }
            total.merge(report)
        }
        let cpu = Self.cpuSeconds() - cpuBefore
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

    private func connect(index: Int, loop: any EventLoop) async throws -> (any Channel, NIOLoopBound<LoadHandler>) {
        let plan = self.plan
        let installed = loop.makePromise(of: NIOLoopBound<LoadHandler>.self)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(5))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let handler = LoadHandler(plan: plan, index: index)
                        let sync = channel.pipeline.syncOperations
                        try sync.addHandler(
                            ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: Self.maximumLineLength)
                        )
                        try sync.addHandler(handler)
                        installed.succeed(NIOLoopBound(handler, eventLoop: channel.eventLoop))
                    }
                }
                .connect(host: self.host, port: self.port)
                .get()
        } catch {
            installed.fail(error)
            throw error
        }
        return (channel, try await installed.futureResult.get())
    }

    /// User plus system CPU time of this process, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        let who = Int32(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
