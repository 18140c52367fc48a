import ChronoGraph
import ChronoProtocol
import ChronoStore
import Foundation

/// One running `chrono.v1.Watch/Subscribe` call: follows its read query after each commit and sends the
/// difference, with progress frames while nothing changes.
///
/// Arming: the commit feed is listened to before the first result is read, and that result is read at
/// the feed's latest revision or later, so any commit after it wakes the subscription. After a commit the
/// query is evaluated once for every subscription following it (`SharedEvaluations`), at the commit's
/// revision or later, and diffed against the previous result. A producer task fills a bounded
/// `SubscriptionQueue`; a sender task drains it to the client, so a slow client only blocks its own sender.
/// A change of the feed's epoch (a failover) ends the call with `ABORTED`, checked at each commit and progress
/// tick, so a subscriber resyncs explicitly instead of resuming across a lost history.
struct Subscription: Sendable {
    let live: any GraphService
    /// What the subscription follows: its method and params (together, the key of shared evaluations).
    let key: SharedEvaluations.Key
    /// The query read from those params, run on the live store (or a past one to resume).
    let query: any GraphQuery
    let since: Int64?
    let context: CallContext
    let configuration: LiveConfiguration
    let shared: SharedEvaluations

    private enum Trigger: Sendable { case commit, tick }

    /// Streams frames until the call is cancelled, its query fails, or its queue overflows.
    func run() async throws -> MethodResult {
        let commits = self.live.commits.listen()
        let epoch = self.live.commits.epoch
        let key = self.key
        self.shared.retain(key)
        defer { self.shared.release(key) }
        let queue = SubscriptionQueue(
            maximumFrames: self.configuration.queueFrames,
            maximumBytes: self.configuration.queueBytes
        )
        var current = try await self.evaluate(key, atLeast: self.live.commits.latestRevision)
        var first = try self.shared.initialFrame(of: key, current)
        if let since = self.since {
            let past = try await self.live.reader(atRevision: since)
            let old = try await self.evaluate(on: past)
            var frame =
                SubscriptionFrame.change(from: old.items, to: current.items, revision: current.revision)
                ?? SubscriptionFrame(kind: .change, revision: current.revision, added: [], removed: [], changed: [])
            frame.since = since
            first = try EncodedFrame(frame)
        }
        _ = queue.push(initial: first)
        let (triggers, trigger) = AsyncStream.makeStream(of: Trigger.self, bufferingPolicy: .bufferingNewest(2))
        // The sender is not a child of the group below: on overflow it must finish the write in progress
        // (cancelling a suspended socket write would lose the connection) and then stop at the closed queue.
        let sender = Task {
            defer { queue.close() }
            while let frame = await queue.next() { try await self.context.send(frame.payload) }
        }
        do {
            return try await withTaskCancellationHandler {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await _ in commits { trigger.yield(.commit) }
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: self.configuration.progressInterval)
                            trigger.yield(.tick)
                        }
                    }
                    defer { group.cancelAll() }
                    for await event in triggers {
                        try Task.checkCancellation()
                        try Self.check(epoch, against: self.live.commits.epoch)
                        let latest = self.live.commits.latestRevision
                        if latest > current.revision {
                            let next = try await self.evaluate(key, atLeast: latest)
                            let change = try self.shared.change(of: key, from: current, to: next)
                            if let frame = change.frame, !queue.push(frame) {
                                // Closed already: the sender stopped because the client is gone.
                                guard !queue.isClosed else { throw CancellationError() }
                                queue.close()
                                _ = await sender.result
                                throw Self.overflow(queue)
                            }
                            current = next
                        } else if event == .tick {
                            queue.pushProgress(current.revision)
                        }
                    }
                    throw CancellationError()
                }
            } onCancel: {
                sender.cancel()
            }
        } catch {
            // No data frame may follow the terminal frame: stop the sender before the call ends.
            queue.close()
            _ = await sender.result
            throw error
        }
    }

    /// Ends the subscription with `ABORTED` once the database's history changed under it (`CommitSource.epoch`,
    /// a failover): revisions it was told of may be gone, so resuming from them could silently skip changes.
    private static func check(_ epoch: String, against now: String) throws {
        guard now != epoch else { return }
        throw ChronoError(
            .aborted,
            "the database failed over (epoch \"\(epoch)\" is now \"\(now)\"): resubscribe without since_revision"
        )
    }

    private static func overflow(_ queue: SubscriptionQueue) -> ChronoError {
        .resourceExhausted(
            "subscription queue full (\(queue.maximumFrames) frames or \(queue.maximumBytes) bytes): the client read "
                + "too slowly; resubscribe with since_revision set to the last revision received"
        )
    }

    /// The subscribed query's result at `revision` or later: shared with every subscription of the same
    /// query, except for a call with a deadline (its deadline must not cut other subscribers' evaluation).
    private func evaluate(
        _ key: SharedEvaluations.Key,
        atLeast revision: Int64
    ) async throws
        -> SharedEvaluations.Evaluation
    {
        guard self.context.deadline == nil else { return try await self.evaluate(on: self.live.current) }
        let subscription = self
        return try await self.shared.evaluation(of: key, atLeast: revision) {
            try await subscription.evaluate(on: subscription.live.current)
        }
    }

    /// Runs the subscribed query on `store`; the result's items and the revision it was read at.
    private func evaluate(on store: any GraphReading) async throws -> SharedEvaluations.Evaluation {
        let result = try await store.run(self.query, deadline: self.context.deadline)
        let items = try result.items()
        return SharedEvaluations.Evaluation(items: items, revision: result.revision)
    }
}
