import ArgumentParser
import Foundation
import NIOCore

/// `chrono-fanout`: how fast a commit reaches many `Watch/Subscribe` subscribers of a running chronod.
///
/// Opens S subscriptions over C connections (chronod allows 256 connections and 64 calls per connection),
/// waits until every one is armed, then makes K writes one at a time and times, per subscriber, the
/// change frame of each commit from the write's send and from its acknowledgement. Checks that every
/// subscriber gets every commit exactly once; prints one JSON report.
@main
struct ChronoFanout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chrono-fanout",
        abstract: "Time a commit's notifications to S subscribers of a running chronod; print a JSON report.",
        discussion: """
            Writes go to 127.0.0.1 without a token (chronod accepts loopback writes when it has none). \
            Each commit upserts an event dated 1 January of --year with --actor as agent and a citation of \
            line 1 of --doc; the events are retracted at the end unless --keep. Example (a generated graph): \
            chrono-fanout --port 7070 --actor actor-00001 --doc 900_…txt --year 1995
            """
    )

    @Option(help: "Server host.")
    var host = "127.0.0.1"

    @Option(help: "Server port.")
    var port: Int

    @Option(help: "Subscriptions.")
    var subscribers = 1000

    @Option(help: "Connections the subscriptions are spread over (chronod: at most 256, 64 calls each).")
    var connections = 100

    @Option(help: "Distinct subscribed queries (timeline limits 50, 51, ...), 1...450.")
    var distinct = 1

    @Option(help: "Commits (writes), made one at a time.")
    var commits = 20

    @Option(help: "Year of the subscribed timeline window and of the written events.")
    var year = 2007

    @Option(help: "Entity id of the written events' participant.")
    var actor = "azerbaijan"

    @Option(help: "Document (file name) the written events cite, line 1.")
    var doc = "003_d94e756ed0cfba1e.txt"

    @Option(help: "Event type of the written events.")
    var eventType = "migration"

    @Option(help: "Seconds to wait for every subscription's initial frame.")
    var armTimeout = 60.0

    @Option(help: "Seconds to wait for one commit's notifications before counting the missing ones.")
    var commitTimeout = 10.0

    @Option(help: "Milliseconds between one commit's last notification and the next write.")
    var gapMs = 50

    @Flag(help: "Keep the written events (default: retract them at the end).")
    var keep = false

    @Option(help: "chronod's process id: report its CPU time per commit (Linux /proc).")
    var serverPid: Int?

    @Option(help: "A label copied into the report.")
    var label = "fanout"

    func validate() throws {
        guard (1...65535).contains(self.port) else { throw ValidationError("--port: expected 1...65535") }
        guard (1...20000).contains(self.subscribers) else { throw ValidationError("--subscribers: expected 1...20000") }
        guard (1...self.subscribers).contains(self.connections) else {
            throw ValidationError("--connections: expected 1...\(self.subscribers) (at most one per subscription)")
        }
        guard (1...450).contains(self.distinct) else { throw ValidationError("--distinct: expected 1...450") }
        guard (1...1000).contains(self.commits) else { throw ValidationError("--commits: expected 1...1000") }
        guard (1...9999).contains(self.year) else { throw ValidationError("--year: expected 1...9999") }
        guard self.armTimeout > 0, self.armTimeout <= 600 else { throw ValidationError("--arm-timeout: 0...600 s") }
        guard self.commitTimeout > 0, self.commitTimeout <= 120 else {
            throw ValidationError("--commit-timeout: expected more than 0 and at most 120 s")
        }
        guard (0...10000).contains(self.gapMs) else { throw ValidationError("--gap-ms: expected 0...10000") }
    }

    func run() async throws {
        let workload = FanoutWorkload(
            runID: String(UInt64(Date().timeIntervalSince1970 * 1000)),
            year: self.year,
            actor: self.actor,
            document: self.doc,
            eventType: self.eventType,
            distinct: self.distinct
        )
        let runner = FanoutRunner(
            host: self.host,
            port: self.port,
            subscribers: self.subscribers,
            connections: self.connections,
            commits: self.commits,
            workload: workload,
            armTimeout: .nanoseconds(Int64(self.armTimeout * 1e9)),
            commitTimeout: .nanoseconds(Int64(self.commitTimeout * 1e9)),
            gap: .milliseconds(Int64(self.gapMs)),
            settle: .milliseconds(300),
            cleanup: !self.keep,
            serverPID: self.serverPid
        )
        let outcome = try await runner.run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(self.report(outcome)), as: UTF8.self))
        if outcome.errors.total > 0 { throw ExitCode.failure }
    }

    private func report(_ outcome: FanoutRunner.Outcome) -> FanoutReport {
        var fromSend: [UInt64] = []
        var fromAck: [UInt64] = []
        var last: [UInt64] = []
        var commitTimes: [UInt64] = []
        var beforeAck = 0
        var expected = 0
        for commit in outcome.commits where commit.revision != nil {
            expected += outcome.armed
            let times = commit.receivedAt.compactMap { $0 }
            fromSend += times.map { $0 - commit.sentAt }
            if let ack = commit.ackAt {
                commitTimes.append(ack - commit.sentAt)
                fromAck += times.map { $0 > ack ? $0 - ack : 0 }
                beforeAck += times.filter { $0 < ack }.count
            }
            if let latest = times.max() { last.append(latest - commit.sentAt) }
        }
        return FanoutReport(
            label: self.label,
            host: self.host,
            port: self.port,
            subscribers: self.subscribers,
            connections: self.connections,
            distinctQueries: self.distinct,
            query: "chrono.v1.Timeline/Query within \(self.year), limit 50...\(49 + self.distinct)",
            commits: outcome.commits.count,
            armed: outcome.armed,
            armS: outcome.armSeconds,
            expectedNotifications: expected,
            notifications: fromSend.count,
            notifyFromSendMs: .init(fromSend),
            notifyFromAckMs: .init(fromAck),
            beforeAck: beforeAck,
            lastNotificationMs: .init(last),
            commitMs: .init(commitTimes),
            clientCPUS: outcome.cpuSeconds,
            serverCPUMsPerCommit: outcome.serverCPUSeconds.map { $0 * 1000 / Double(max(1, outcome.commits.count)) },
            errors: outcome.errors.total,
            errorCounts: outcome.errors.counts,
            errorSamples: outcome.errors.samples
        )
    }
}
