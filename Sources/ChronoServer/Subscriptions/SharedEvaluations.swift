import ChronoGraph
import ChronoProtocol
import NIOConcurrencyHelpers

/// The results of subscribed queries, shared by every subscription that follows the same query.
///
/// After a commit, a thousand subscriptions of one query would otherwise each re-run it on the store's
/// few reader connections. Here the first subscription to ask for a revision starts one evaluation and
/// the others await it; a result at or after the asked revision is reused. Each query's last change
/// (from one revision's result to the next) is kept too, so subscriptions in step get the same frame
/// already encoded, without diffing or encoding again; likewise the latest initial frame. An entry lives
/// while a subscription holds it.
final class SharedEvaluations: Sendable {
    /// What identifies a query: its method and its params in canonical JSON.
    struct Key: Hashable, Sendable {
        var method: MethodName
        var params: String

        init(method: MethodName, params: [String: JSONValue]) {
            self.method = method
            self.params = JSONValue.object(params).canonicalText
        }
    }

    /// A result and the revision it was read at.
    struct Evaluation: Sendable {
        var items: ResultItems
        var revision: Int64
    }

    /// The change frame between two revisions of one query (`nil` when nothing differs), encoded.
    struct Change: Sendable {
        var from: Int64
        var to: Int64
        var frame: EncodedFrame?
    }

    private struct Entry {
        var holders = 0
        var latest: Evaluation?
        var running: Task<Evaluation, any Error>?
        var change: Change?
        var initial: (revision: Int64, frame: EncodedFrame)?
    }

    private enum Step {
        case ready(Evaluation)
        case wait(Task<Evaluation, any Error>)
    }

    private let entries = NIOLockedValueBox<[Key: Entry]>([:])

    /// Creates an empty set of shared results.
    init() {}

    /// Number of queries held now (for tests).
    var count: Int { self.entries.withLockedValue { $0.count } }

    /// Registers a subscription following `key`; pair with `release`.
    func retain(_ key: Key) {
        self.entries.withLockedValue { $0[key, default: Entry()].holders += 1 }
    }

    /// Ends a subscription's hold on `key`; the entry goes with its last holder.
    func release(_ key: Key) {
        self.entries.withLockedValue { entries in
            guard var entry = entries[key] else { return }
            entry.holders -= 1
            entries[key] = entry.holders > 0 ? entry : nil
        }
    }

    /// The result of `key` read at `revision` or later: the latest one if recent enough, else the one
    /// being computed (if it turns out older, another is started), else a new run of `evaluate`.
    func evaluation(
        of key: Key,
        atLeast revision: Int64,
        evaluate: @escaping @Sendable () async throws -> Evaluation
    ) async throws -> Evaluation {
        while true {
            let step = self.entries.withLockedValue { entries -> Step in
                var entry = entries[key, default: Entry()]
                if let latest = entry.latest, latest.revision >= revision { return .ready(latest) }
                if let running = entry.running { return .wait(running) }
                let task = Task { try await self.run(key, evaluate) }
                entry.running = task
                entries[key] = entry
                return .wait(task)
            }
            switch step {
            case .ready(let evaluation):
                return evaluation
            case .wait(let running):
                let evaluation = try await running.value
                if evaluation.revision >= revision { return evaluation }
            }
        }
    }

    /// The change from `old` to `new` (both results of `key`), computed once per pair of revisions.
    func change(of key: Key, from old: Evaluation, to new: Evaluation) throws -> Change {
        let known = self.entries.withLockedValue { $0[key]?.change }
        if let known, known.from == old.revision, known.to == new.revision { return known }
        let frame = SubscriptionFrame.change(from: old.items, to: new.items, revision: new.revision)
        let change = Change(from: old.revision, to: new.revision, frame: try frame.map(EncodedFrame.init))
        self.entries.withLockedValue { entries in
            guard var entry = entries[key] else { return }
            if (entry.change?.to ?? Int64.min) <= change.to { entry.change = change }
            entries[key] = entry
        }
        return change
    }

    /// The initial frame of `evaluation` (a result of `key`), encoded once per revision.
    func initialFrame(of key: Key, _ evaluation: Evaluation) throws -> EncodedFrame {
        let known = self.entries.withLockedValue { $0[key]?.initial }
        if let known, known.revision == evaluation.revision { return known.frame }
        let frame = try EncodedFrame(SubscriptionFrame.initial(evaluation.items, revision: evaluation.revision))
        self.entries.withLockedValue { entries in
            guard var entry = entries[key] else { return }
            if (entry.initial?.revision ?? Int64.min) <= evaluation.revision {
                entry.initial = (evaluation.revision, frame)
            }
            entries[key] = entry
        }
        return frame
    }

    private func run(_ key: Key, _ evaluate: @Sendable () async throws -> Evaluation) async throws -> Evaluation {
        do {
            let evaluation = try await evaluate()
            self.entries.withLockedValue { entries in
                guard var entry = entries[key] else { return }
                entry.running = nil
                if (entry.latest?.revision ?? Int64.min) <= evaluation.revision { entry.latest = evaluation }
                entries[key] = entry
            }
            return evaluation
        } catch {
            self.entries.withLockedValue { entries in entries[key]?.running = nil }
            throw error
        }
    }
}
