import ChronoProtocol
import ChronoStore
import Foundation

/// One running `chrono.v1.Watch/Subscribe` call: re-runs its read query after each commit and sends the
/// difference, with progress frames while nothing changes.
///
/// Arming: the commit feed is listened to before the first result is computed, so any commit after that
/// result wakes the subscription; each re-run reads the graph at its then-current revision and is diffed
/// against the previous result. A producer task fills a bounded `SubscriptionQueue`; a sender task drains
/// it to the client, so a slow client only ever blocks its own sender.
struct Subscription: Sendable {
    let live: LiveGraph
    let query: MethodDescriptor
    let queryParams: [String: JSONValue]
    let since: Int64?
    let context: CallContext
    let configuration: LiveConfiguration

    private enum Trigger: Sendable { case commit, tick }

    /// Streams frames until the call is cancelled, its query fails, or its queue overflows.
    func run() async throws -> MethodResult {
        let commits = self.live.commits.listen()
        let queue = SubscriptionQueue(
            maximumFrames: self.configuration.queueFrames,
            maximumBytes: self.configuration.queueBytes
        )
        var (items, revision) = try await self.evaluate(on: self.query)
        var first = SubscriptionFrame.initial(items, revision: revision)
        if let since = self.since {
            let past = try await self.live.store(atRevision: since)
            let descriptor = try Self.descriptor(self.query.name, on: past)
            let (old, _) = try await self.evaluate(on: descriptor)
            first =
                SubscriptionFrame.change(from: old, to: items, revision: revision)
                ?? SubscriptionFrame(kind: "change", revision: revision, added: [], removed: [], changed: [])
            first.since = since
        }
        _ = queue.push(first, bytes: 0)
        let (triggers, trigger) = AsyncStream.makeStream(of: Trigger.self, bufferingPolicy: .bufferingNewest(2))
        // The sender is not a child of the group below: on overflow it must finish the write in progress
        // (cancelling a suspended socket write would lose the connection) and then stop at the closed queue.
        let sender = Task {
            defer { queue.close() }
            while let frame = await queue.next() { try await self.context.send(frame) }
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
                        let current = try await self.live.store.revision()
                        if current > revision {
                            let (next, nextRevision) = try await self.evaluate(on: self.query)
                            if let frame = SubscriptionFrame.change(from: items, to: next, revision: nextRevision),
                                !queue.push(frame, bytes: try JSONEncoder().encode(frame).count)
                            {
                                // Closed already: the sender stopped because the client is gone.
                                guard !queue.isClosed else { throw CancellationError() }
                                queue.close()
                                _ = await sender.result
                                throw Self.overflow(queue)
                            }
                            (items, revision) = (next, max(revision, nextRevision))
                        } else if event == .tick {
                            queue.pushProgress(revision)
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

    private static func overflow(_ queue: SubscriptionQueue) -> ChronoError {
        .resourceExhausted(
            "subscription queue full (\(queue.maximumFrames) frames or \(queue.maximumBytes) bytes): the client read "
                + "too slowly; resubscribe with since_revision set to the last revision received"
        )
    }

    /// Runs the subscribed query through `descriptor`; the result's items and revision.
    private func evaluate(on descriptor: MethodDescriptor) async throws -> (ResultItems, Int64) {
        let result = try await descriptor.handler(self.context.with(params: self.queryParams))
        let value = try JSONValue(encoding: result.value)
        let revision: Int64
        if let known = result.revision { revision = known } else { revision = try await self.live.store.revision() }
        return (ResultItems(value), revision)
    }

    /// The graph method `name` answered from `store`.
    static func descriptor(_ name: MethodName, on store: GraphStore) throws -> MethodDescriptor {
        guard let descriptor = GraphMethods.descriptors(store: store).first(where: { $0.name == name }) else {
            throw ChronoError.invalidArgument("params.query.method: \"\(name.rawValue)\" cannot be subscribed to")
        }
        return descriptor
    }
}
