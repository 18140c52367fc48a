import Foundation
import NIOCore
import NIOExtras
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One bounded run: connects the writer and the subscribers on one event loop, waits until every
/// subscription is armed, makes the commits one at a time, then closes everything and cleans up.
///
/// Bounded: each connection times out after 5 s, arming after `armTimeout`, each commit after
/// `commitTimeout` (its missing notifications are then counted as missed).
struct FanoutRunner: Sendable {
    /// Longest accepted frame line (a subscription's initial frame can be large).
    static let maximumLineLength = 16 << 20

    var host: String
    var port: Int
    var subscribers: Int
    var connections: Int
    var commits: Int
    var workload: FanoutWorkload
    var armTimeout: TimeAmount
    var commitTimeout: TimeAmount
    var gap: TimeAmount
    var settle: TimeAmount
    var cleanup: Bool
    /// chronod's process id, to read its CPU time around the commits (`/proc/<pid>/stat`), if known.
    var serverPID: Int?

    /// What a run observed.
    struct Outcome: Sendable {
        var armed: Int
        var armSeconds: Double
        var commits: [FanoutCoordinator.Commit]
        var errors: FanoutErrors
        var cpuSeconds: Double
        /// chronod's CPU seconds from the first write to the last commit's end, when `serverPID` is set.
        var serverCPUSeconds: Double?
    }

    /// Runs the benchmark.
    func run() async throws -> Outcome {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let firstSubscriber = (0..<self.connections).map { $0 * self.subscribers / self.connections }
        let coordinator = FanoutCoordinator(loop: loop, subscribers: self.subscribers, firstSubscriber: firstSubscriber)
        let cpuBefore = Self.cpuSeconds()
        let (writerChannel, writer) = try await self.connectWriter(loop: loop)
        var channels: [any Channel] = []
        var connectErrors = FanoutErrors()
        let armStart = NIODeadline.now()
        for connection in 0..<self.connections {
            let first = firstSubscriber[connection]
            let end = connection + 1 < self.connections ? firstSubscriber[connection + 1] : self.subscribers
            let requests = (first..<end).map {
                self.workload.subscribeRequest(subscriber: $0, call: $0 - first + 1)
            }
            do {
                channels.append(try await self.connectSubscriber(connection, requests: requests, coordinator))
            } catch {
                connectErrors.note(.connect, "connection \(connection): \(error)")
                try await loop.submit { coordinator.connectionClosed(connection, reason: "not connected") }.get()
            }
        }
        let armTimeout = self.armTimeout
        try await loop.flatSubmit {
            let armed = coordinator.waitArmed()
            let timeout = loop.scheduleTask(in: armTimeout) { coordinator.stopWaitingArmed() }
            armed.whenComplete { _ in timeout.cancel() }
            return armed
        }.get()
        let armSeconds = Double((NIODeadline.now() - armStart).nanoseconds) / 1e9
        let armed = try await loop.submit { coordinator.armedSubscribers }.get()
        var committed: [Int] = []
        let serverCPUBefore = self.serverPID.flatMap(Self.processCPUSeconds)
        for index in 1...self.commits {
            let line = try self.workload.writeRequest(commit: index, call: index)
            let marker = self.workload.eventID(commit: index)
            let commitTimeout = self.commitTimeout
            try await loop.flatSubmit {
                let (sentAt, reply) = writer.value.call(line)
                let done = coordinator.begin(commit: index, marker: marker, sentAt: sentAt)
                reply.whenComplete { result in coordinator.acknowledge(result) }
                let timeout = loop.scheduleTask(in: commitTimeout) { coordinator.finish() }
                done.whenComplete { _ in timeout.cancel() }
                return done
            }.get()
            if try await loop.submit({ coordinator.finished.last?.revision != nil }).get() { committed.append(index) }
            try await Task.sleep(nanoseconds: UInt64(self.gap.nanoseconds))
        }
        let serverCPUAfter = self.serverPID.flatMap(Self.processCPUSeconds)
        try await Task.sleep(nanoseconds: UInt64(self.settle.nanoseconds))
        var (finished, errors) = try await loop.submit { (coordinator.finished, coordinator.errors) }.get()
        errors.merge(connectErrors)
        for channel in channels { try? await channel.close().get() }
        if self.cleanup, !committed.isEmpty {
            let line = try self.workload.cleanupRequest(commits: committed, call: self.commits + 1)
            let (reply, _) = try await loop.flatSubmit { writer.value.call(line).reply }.get()
            if FrameScan.contains(Array(#""status":"OK""#.utf8), in: reply) == false {
                errors.note(.write, "cleanup: \(FrameScan.excerpt(reply))")
            }
        }
        try? await writerChannel.close().get()
        let cpu = Self.cpuSeconds() - cpuBefore
        try await group.shutdownGracefully()
        let serverCPU = serverCPUBefore.flatMap { before in serverCPUAfter.map { $0 - before } }
        return Outcome(
            armed: armed,
            armSeconds: armSeconds,
            commits: finished,
            errors: errors,
            cpuSeconds: cpu,
            serverCPUSeconds: serverCPU
        )
    }

    private func connectWriter(loop: any EventLoop) async throws -> (any Channel, NIOLoopBound<LineCallHandler>) {
        let installed = loop.makePromise(of: NIOLoopBound<LineCallHandler>.self)
        do {
            let channel = try await self.bootstrap(loop: loop) { channel in
                let handler = LineCallHandler()
                try channel.pipeline.syncOperations.addHandler(handler)
                installed.succeed(NIOLoopBound(handler, eventLoop: channel.eventLoop))
            }
            return (channel, try await installed.futureResult.get())
        } catch {
            installed.fail(error)
            throw error
        }
    }

    private func connectSubscriber(
        _ connection: Int,
        requests: [String],
        _ coordinator: FanoutCoordinator
    ) async throws -> any Channel {
        try await self.bootstrap(loop: coordinator.loop) { channel in
            let handler = SubscriberHandler(coordinator: coordinator, connection: connection, requests: requests)
            try channel.pipeline.syncOperations.addHandler(handler)
        }
    }

    private func bootstrap(
        loop: any EventLoop,
        install: @escaping @Sendable (any Channel) throws -> Void
    ) async throws -> any Channel {
        try await ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: Self.maximumLineLength)
                    )
                    try install(channel)
                }
            }
            .connect(host: self.host, port: self.port)
            .get()
    }

    /// User plus system CPU seconds of process `pid` (Linux `/proc/<pid>/stat`); `nil` when unreadable.
    static func processCPUSeconds(_ pid: Int) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
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
