import BenchSupport
import NIOCore
import NIOPosix

/// One bounded run: connects the writer and the subscribers on one event loop, waits until every
/// subscription is armed, makes the commits one at a time, then closes everything and cleans up.
///
/// Bounded: each connection times out after 5 s, arming after `armTimeout`, each commit after
/// `commitTimeout` (its missing notifications are then counted as missed).
struct FanoutRunner: Sendable {
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
        let cpuBefore = ProcessCPU.ownSeconds()
        let (writerChannel, writer) = try await LineClient.connect(host: self.host, port: self.port, loop: loop) {
            LineCall()
        }
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
                let (channel, _) = try await LineClient.connect(host: self.host, port: self.port, loop: loop) {
                    SubscriberSession(coordinator: coordinator, connection: connection, requests: requests)
                }
                channels.append(channel)
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
        let serverCPUBefore = self.serverPID.flatMap(ProcessCPU.seconds(ofProcess:))
        for index in 1...self.commits {
            let line = try self.workload.writeRequest(commit: index, call: index)
            let marker = self.workload.eventID(commit: index)
            let commitTimeout = self.commitTimeout
            try await loop.flatSubmit {
                let (sentAt, reply) = writer.value.session.call(line, on: writer.value, loop: loop)
                let done = coordinator.begin(commit: index, marker: marker, sentAt: sentAt)
                reply.whenComplete { result in coordinator.acknowledge(result) }
                let timeout = loop.scheduleTask(in: commitTimeout) { coordinator.finish() }
                done.whenComplete { _ in timeout.cancel() }
                return done
            }.get()
            if try await loop.submit({ coordinator.finished.last?.revision != nil }).get() { committed.append(index) }
            try await Task.sleep(nanoseconds: UInt64(self.gap.nanoseconds))
        }
        let serverCPUAfter = self.serverPID.flatMap(ProcessCPU.seconds(ofProcess:))
        try await Task.sleep(nanoseconds: UInt64(self.settle.nanoseconds))
        var (finished, errors) = try await loop.submit { (coordinator.finished, coordinator.errors) }.get()
        errors.merge(connectErrors)
        for channel in channels { try? await channel.close().get() }
        if self.cleanup, !committed.isEmpty {
            let line = try self.workload.cleanupRequest(commits: committed, call: self.commits + 1)
            let (reply, _) = try await loop.flatSubmit {
                writer.value.session.call(line, on: writer.value, loop: loop).reply
            }.get()
            if ByteScan.contains(Array(#""status":"OK""#.utf8), in: reply) == false {
                errors.note(.write, "cleanup: \(ByteScan.excerpt(reply))")
            }
        }
        try? await writerChannel.close().get()
        let cpu = ProcessCPU.ownSeconds() - cpuBefore
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
}
